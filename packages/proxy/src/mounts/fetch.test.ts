import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClinikProxyError } from '../errors.js';
import { staff } from '../policies/policies.js';
import { type FakeUpstream, startUpstream, TEST_KEY } from '../test/fake-upstream.js';
import { memoryLogger } from '../test/http.js';
import { mountAuth } from '../test/mounts.js';
import { clinikFetchProxy } from './fetch.js';

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await upstream.close();
});

const get = (path: string, headers: Record<string, string> = { 'x-test-user': 'u1' }) =>
  new Request(`http://app.test${path}`, { headers });

describe('clinikFetchProxy', () => {
  it('can be created without the environment (next build) and reports it at the first request', async () => {
    const log = memoryLogger();
    const proxy = clinikFetchProxy({
      target: process.env.CLINIK_UNSET_TARGET_FOR_TEST,
      apiKey: process.env.CLINIK_UNSET_KEY_FOR_TEST,
      authenticate: mountAuth,
      authorize: staff(),
      mountPath: '/api/clinik',
      logger: log.logger,
    });
    const res = await proxy.fetch(get('/api/clinik/v1/patients'));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: 'INTERNAL_ERROR', code: '500' });
    expect(log.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'clinik-proxy configuration error',
        code: 'ERR_CLINIK_MISSING_OPTION',
      }),
    ]);
    expect(String(log.lines[0]?.detail)).toContain('target is required');
    // Logged once, not once per request.
    await proxy.fetch(get('/api/clinik/v1/patients'));
    expect(log.lines).toHaveLength(1);
    await proxy.close();
  });

  it("never logs the key when it is the problem (a key that isn't one)", async () => {
    const log = memoryLogger();
    const wrong = 'sk_live_notaclinikkey_0123456789';
    const proxy = clinikFetchProxy({
      target: upstream.url,
      apiKey: wrong,
      authenticate: mountAuth,
      authorize: staff(),
      mountPath: '/api/clinik',
      logger: log.logger,
    });
    expect((await proxy.fetch(get('/api/clinik/v1/patients'))).status).toBe(500);
    expect(log.lines[0]).toMatchObject({ code: 'ERR_CLINIK_INVALID_KEY_FORMAT' });
    expect(log.text()).not.toContain(wrong);
  });

  it("validates at creation with validate: 'on-create'", () => {
    expect(() =>
      clinikFetchProxy({
        target: undefined,
        apiKey: TEST_KEY,
        authenticate: mountAuth,
        authorize: staff(),
        mountPath: '/api/clinik',
        validate: 'on-create',
      }),
    ).toThrow(ClinikProxyError);
  });

  it('needs mountPath (a fetch handler sees the whole path)', async () => {
    const log = memoryLogger();
    const proxy = clinikFetchProxy({
      target: upstream.url,
      apiKey: TEST_KEY,
      authenticate: mountAuth,
      authorize: staff(),
      logger: log.logger,
    });
    expect((await proxy.fetch(get('/api/clinik/v1/patients'))).status).toBe(500);
    expect(String(log.lines[0]?.detail)).toContain('mountPath is required');
  });

  it('answers every method through handlers, and 404 outside its mount path', async () => {
    const proxy = clinikFetchProxy({
      target: upstream.url,
      apiKey: TEST_KEY,
      authenticate: mountAuth,
      authorize: staff(),
      mountPath: '/api/clinik',
      logger: false,
    });
    try {
      const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = proxy.handlers;
      expect((await GET(get('/api/clinik/v1/patients'))).status).toBe(200);
      const options = await OPTIONS(
        new Request('http://app.test/api/clinik/v1/patients', { method: 'OPTIONS' }),
      );
      expect(options.status).toBe(405);
      expect(options.headers.get('allow')).toBe('GET, POST');
      for (const handler of [POST, PUT, PATCH, DELETE, HEAD]) expect(handler).toBe(GET);
      expect((await proxy.fetch(get('/elsewhere'))).status).toBe(404);
      // After close(), requests are refused rather than served by a closed pool.
      await proxy.close();
      expect((await proxy.fetch(get('/api/clinik/v1/patients'))).status).toBe(500);
    } finally {
      await proxy.close();
    }
  });
});
