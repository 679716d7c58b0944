import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clinikFetchProxy } from './mounts/fetch.js';
import { staff } from './policies/policies.js';
import {
  type FakeUpstream,
  sendJson,
  startUpstream,
  TEST_KEY,
  type UpstreamHandler,
} from './test/fake-upstream.js';
import { send, until } from './test/http.js';
import { mountAuth } from './test/mounts.js';
import { startProxy } from './test/setup-proxy.js';

// Failures a developer can diagnose from the response code and the log line, without the key or
// patient data ever appearing in either.
let upstream: FakeUpstream;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await startProxy(upstream.url, { retries: 0, circuitBreaker: false });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => upstream.reset());

const get = () =>
  send(proxy.url, '/api/clinik/v1/patients/pat_a', { headers: { 'x-test-user': 'u1' } });
const refusing =
  (status: number, error: string): UpstreamHandler =>
  (_req, res) =>
    sendJson(res, status, { error, message: 'refused', code: String(status), requestId: 'req_up' });
const lastError = () => proxy.log.lines.filter((l) => l.level === 'error').at(-1);

describe("the data API refusing the proxy's own key", () => {
  it.each([
    [401, 'KEY_REVOKED'],
    [401, 'KEY_EXPIRED'],
    [401, 'INVALID_KEY'],
    [403, 'FORBIDDEN'],
  ])(
    'an upstream %i %s becomes 502 UPSTREAM_KEY_REJECTED, logged without the key',
    async (status, code) => {
      upstream.handler = refusing(status, code);
      const res = await get();
      expect(res.status).toBe(502);
      expect(res.json()).toMatchObject({ error: 'UPSTREAM_KEY_REJECTED', code: '502' });
      // Not the user's 401/403: a browser must not sign its user out for the server's fault.
      expect(res.text).not.toContain(code);
      expect(lastError()).toMatchObject({
        upstreamStatus: status,
        upstreamError: code,
        route: '/v1/patients/:id',
        target: new URL(upstream.url).host,
      });
      expect(String(lastError()?.msg)).toContain("proxy's API key");
      expect(proxy.log.text()).not.toContain(TEST_KEY);
    },
  );

  it('against the sandbox: a revoked key answers 502 with the reason in the log', async () => {
    const sandbox: Sandbox = await createSandbox({ memory: true });
    try {
      const { url } = await sandbox.listen(0);
      const { key, id } = await sandbox.keys.create({ org: 'org_diag', env: 'test', scope: '*' });
      const front = await startProxy(url, { apiKey: key });
      try {
        const ok = await send(front.url, '/api/clinik/v1/patients', {
          headers: { 'x-test-user': 'u1' },
        });
        expect(ok.status).toBe(200);
        await sandbox.keys.revoke(id);
        const revoked = await send(front.url, '/api/clinik/v1/patients', {
          headers: { 'x-test-user': 'u1' },
        });
        expect(revoked.status).toBe(502);
        expect(revoked.json()).toMatchObject({ error: 'UPSTREAM_KEY_REJECTED' });
        await until(() => front.log.lines.some((l) => l.upstreamError === 'KEY_REVOKED'));
        expect(front.log.text()).not.toContain(key);
      } finally {
        await front.close();
      }
    } finally {
      await sandbox.close();
    }
  }, 30_000);
});

describe('502 and 504 say why in the log', () => {
  it('names the cause and the target when nothing listens there', async () => {
    const dead = await startUpstream();
    const deadUrl = dead.url;
    await dead.close();
    const front = await startProxy(deadUrl, { retries: 0 });
    try {
      const res = await send(front.url, '/api/clinik/v1/patients', {
        headers: { 'x-test-user': 'u1' },
      });
      expect(res.status).toBe(502);
      expect(front.log.lines.find((l) => l.level === 'error')).toMatchObject({
        msg: 'clinik-proxy could not reach the data API',
        cause: 'ECONNREFUSED',
        target: new URL(deadUrl).host,
        route: '/v1/patients',
      });
    } finally {
      await front.close();
    }
  });

  it('logs a timeout as such', async () => {
    const impatient = await startProxy(upstream.url, { timeouts: { upstreamMs: 100 } });
    try {
      upstream.handler = () => {
        /* never answers */
      };
      const res = await send(impatient.url, '/api/clinik/v1/patients', {
        headers: { 'x-test-user': 'u1' },
      });
      expect(res.status).toBe(504);
      expect(impatient.log.lines.find((l) => l.level === 'error')).toMatchObject({
        cause: 'TIMEOUT',
      });
    } finally {
      await impatient.close();
    }
  });
});

describe('internal errors', () => {
  it("log the error's class and code, never its message", async () => {
    const failing = await startProxy(upstream.url, {
      authenticate: () => {
        throw Object.assign(new RangeError('patient Ann Lee, born 1980-01-01'), {
          code: 'ERR_SESSION_STORE',
        });
      },
    });
    try {
      const res = await send(failing.url, '/api/clinik/v1/patients', {
        headers: { 'x-test-user': 'u1' },
      });
      expect(res.status).toBe(500);
      expect(failing.log.lines.find((l) => l.level === 'error')).toMatchObject({
        msg: 'clinik-proxy authenticate failed',
        errorClass: 'RangeError',
        errorCode: 'ERR_SESSION_STORE',
      });
      expect(failing.log.text()).not.toContain('Ann Lee');
    } finally {
      await failing.close();
    }
  });

  it('an error thrown outside the stages (a broken logger) answers 500 and names the class', async () => {
    const lines: Record<string, unknown>[] = [];
    const proxyFetch = clinikFetchProxy({
      target: upstream.url,
      apiKey: TEST_KEY,
      authenticate: mountAuth,
      authorize: staff(),
      mountPath: '/api/clinik',
      logger: {
        info: () => {
          throw new TypeError('logger broke');
        },
        warn: () => {},
        error: (line) => void lines.push(line),
      },
    });
    upstream.handler = (_req, res) => sendJson(res, 200, { data: {} });
    const res = await proxyFetch.fetch(
      new Request('http://app.test/api/clinik/v1/patients', { headers: { 'x-test-user': 'u1' } }),
    );
    expect(res.status).toBe(500);
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'clinik-proxy internal error', errorClass: 'TypeError' }),
    );
    await proxyFetch.close();
  });
});
