import { signWebhook } from '@clinikapi/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClinikProxyError } from './errors.js';
import { clinikProxy } from './proxy.js';
import { type FakeUpstream, startUpstream, TEST_KEY } from './test/fake-upstream.js';
import { send } from './test/http.js';
import { recordHandler } from './test/record-upstream.js';
import { headerAuth, startProxy } from './test/setup-proxy.js';

// Hostile tests for the cross-site request forgery check (node mount; the shared suite runs the
// same kind of requests against every mount).
const SECRET = 'whsec_csrf_test_secret';
let upstream: FakeUpstream;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let authenticated = 0;

beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await startProxy(upstream.url, {
    authenticate: (req) => {
      authenticated++;
      return headerAuth(req);
    },
    csrf: { trustedOrigins: ['https://admin.example.com'] },
    events: { webhookSecret: SECRET },
  });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.reset();
  upstream.handler = recordHandler;
  authenticated = 0;
});

const self = () => new URL(proxy.url).host;
const json = { 'content-type': 'application/json' };
const body = JSON.stringify({ status: 'proposed', patientId: 'pat_a' });
const post = (headers: Record<string, string>, init: { method?: string; body?: string } = {}) =>
  send(
    proxy.url,
    init.method ? '/api/clinik/v1/appointments/apt_a' : '/api/clinik/v1/appointments',
    {
      method: init.method ?? 'POST',
      headers: { 'x-test-user': 'staff', ...headers },
      // node's client sends no framing for a DELETE body: send none.
      body: init.method === 'DELETE' ? undefined : (init.body ?? body),
    },
  );

function expectRefused(res: Awaited<ReturnType<typeof send>>) {
  expect(res.status).toBe(403);
  expect(res.json()).toMatchObject({ error: 'FORBIDDEN', code: '403' });
  expect(res.json().requestId).toMatch(/^req_/);
  expect(upstream.seen).toHaveLength(0);
  // Refused before authentication: a forged request costs no session lookup.
  expect(authenticated).toBe(0);
}

describe('cross-site requests', () => {
  it('refuses a cross-site form post', async () => {
    expectRefused(
      await post(
        {
          'sec-fetch-site': 'cross-site',
          'sec-fetch-mode': 'navigate',
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        { body: 'status=cancelled' },
      ),
    );
  });

  it('refuses a cross-site text/plain body shaped like JSON (403 before the media type check)', async () => {
    expectRefused(
      await post(
        {
          'sec-fetch-site': 'cross-site',
          'sec-fetch-mode': 'no-cors',
          origin: 'https://evil.example',
          'content-type': 'text/plain',
        },
        { body: '{"status":"proposed","patientId":"pat_a","x":"="}' },
      ),
    );
    // The same body sent same-origin is refused for its media type instead.
    const sameOrigin = await post(
      { 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' },
      { body: '{"status":"proposed","patientId":"pat_a"}' },
    );
    expect(sameOrigin.status).toBe(415);
  });

  it.each(['PATCH', 'DELETE'])('refuses a cross-site %s', async (method) => {
    expectRefused(
      await post(
        { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example', ...json },
        {
          method,
        },
      ),
    );
  });

  it('refuses same-site requests (a sibling subdomain is not trusted)', async () => {
    expectRefused(
      await post({ 'sec-fetch-site': 'same-site', origin: 'https://blog.example.com', ...json }),
    );
  });

  it('lets Sec-Fetch-Site decide over a forged-looking Origin', async () => {
    expectRefused(
      await post({ 'sec-fetch-site': 'cross-site', origin: `http://${self()}`, ...json }),
    );
    const ok = await post({
      'sec-fetch-site': 'same-origin',
      origin: `http://${self()}`,
      ...json,
    });
    expect(ok.status).toBe(201);
  });

  it('falls back to Origin vs Host without Fetch Metadata', async () => {
    const port = new URL(proxy.url).port;
    for (const origin of [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${Number(port) + 1}`,
      `http://127.0.0.1:${port}.evil.example`,
      'file:///etc/passwd',
      'not a url',
    ]) {
      upstream.reset();
      upstream.handler = recordHandler;
      authenticated = 0;
      expectRefused(await post({ origin, ...json }));
    }
    const same = await post({ origin: `http://${self()}`, ...json });
    expect(same.status).toBe(201);
  });

  it('accepts trusted origins, cross-site or not', async () => {
    const res = await post({
      'sec-fetch-site': 'cross-site',
      origin: 'https://admin.example.com',
      ...json,
    });
    expect(res.status).toBe(201);
    const noMetadata = await post({ origin: 'https://admin.example.com', ...json });
    expect(noMetadata.status).toBe(201);
    const lookalike = await post({
      'sec-fetch-site': 'cross-site',
      origin: 'https://admin.example.com.evil.example',
      ...json,
    });
    expect(lookalike.status).toBe(403);
  });

  it('passes same-origin, user-typed (none) and header-less (non-browser) requests', async () => {
    expect((await post({ 'sec-fetch-site': 'same-origin', ...json })).status).toBe(201);
    expect((await post({ 'sec-fetch-site': 'none', ...json })).status).toBe(201);
    // curl, servers, test clients: no ambient credentials of a user to abuse.
    expect((await post(json)).status).toBe(201);
  });

  it('leaves safe methods alone (reads are not state changes)', async () => {
    const res = await send(proxy.url, '/api/clinik/v1/appointments/apt_a', {
      headers: { 'x-test-user': 'staff', 'sec-fetch-site': 'cross-site', origin: 'https://x.test' },
    });
    expect(res.status).toBe(200);
  });

  it('exempts the signed webhook route, and only it', async () => {
    const { body: raw, headers } = await signWebhook({
      payload: {
        id: 'evt_csrf_1',
        event: 'patient.updated',
        timestamp: new Date().toISOString(),
        data: {
          resourceType: 'patient',
          resourceId: 'pat_a',
          action: 'updated',
          tenantId: 'org_a',
          environment: 'test',
        },
      },
      secret: SECRET,
    });
    const res = await send(proxy.url, '/api/clinik/webhooks', {
      method: 'POST',
      headers: { ...headers, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      body: raw,
    });
    expect(res.status).toBe(200);
    // A route that looks like it is not exempt.
    const lookalike = await send(proxy.url, '/api/clinik/webhooks/', {
      method: 'POST',
      headers: { ...headers, 'sec-fetch-site': 'cross-site' },
      body: raw,
    });
    expect(lookalike.status).toBe(403);
  });

  it('checks trusted origins at creation', () => {
    const options = {
      target: upstream.url,
      apiKey: TEST_KEY,
      authenticate: headerAuth,
      authorize: () => true,
      logger: false as const,
    };
    for (const trustedOrigins of [
      ['https://a.example/path'],
      ['*'],
      ['a.example'],
      'https://a.example',
    ]) {
      expect(() =>
        clinikProxy({ ...options, csrf: { trustedOrigins: trustedOrigins as string[] } }),
      ).toThrow(ClinikProxyError);
    }
    expect(() => clinikProxy({ ...options, csrf: { trustedOrigin: [] } as never })).toThrow(
      /did you mean "trustedOrigins"/,
    );
  });
});
