import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { type Dispatcher, interceptors, Pool } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  envelope,
  type FakeUpstream,
  fakeLiveKey,
  sendJson,
  startUpstream,
  TEST_KEY,
} from './test/fake-upstream.js';
import { send, sendRaw, until } from './test/http.js';
import { asUser, startProxy } from './test/setup-proxy.js';

let upstream: FakeUpstream;
let proxy: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await startProxy(upstream.url);
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => upstream.reset());

const get = (path: string, headers: Record<string, string> = asUser()) =>
  send(proxy.url, `/api/clinik${path}`, { headers });

describe('path validation', () => {
  it.each([
    '/v1/patients/../../admin',
    '/v1/%2e%2e/admin',
    '/v1/patients/..%2f..%2fadmin',
    '/v1/patients/%2e',
    '/v1/patients/a%5cb',
    '/v1/patients\\..\\admin',
    '/v1//patients',
    '/v1/patients/%00',
    '/v1/patients/%0d%0aX-Injected:%201',
    `/v1/patients/${'x'.repeat(3000)}`,
  ])('refuses %s with 400 before authentication and never forwards it', async (path) => {
    const res = await get(path, {});
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error: 'BAD_REQUEST', code: '400' });
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses a network-path reference after the mount path', async () => {
    const res = await send(proxy.url, '/api/clinik//evil.example/x', { headers: asUser() });
    expect(res.status).toBe(400);
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses absolute-form request targets', async () => {
    const raw = await sendRaw(
      proxy.port,
      'GET http://evil.example/api/clinik/v1/patients HTTP/1.1\r\nHost: evil.example\r\nx-test-user: u1\r\nConnection: close\r\n\r\n',
    );
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(raw).toContain('"error":"BAD_REQUEST"');
    expect(upstream.seen).toHaveLength(0);
  });

  it('forwards the validated path and query, not the raw URL', async () => {
    const res = await get('/v1/appointments?patientId=p%201&count=5');
    expect(res.status).toBe(200);
    expect(upstream.seen[0]?.url).toBe('/v1/appointments?patientId=p+1&count=5');
  });

  it('answers 404 with the contract body for unregistered routes', async () => {
    for (const path of ['/v1/fhir/Patient', '/v1/bulk/jobs/j1', '/v1/admin', '/v2/patients']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.json()).toMatchObject({ error: 'NOT_FOUND', code: '404' });
      expect(res.json().requestId).toMatch(/^req_/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('request headers', () => {
  it('forwards only the allowlist and injects the key', async () => {
    await send(proxy.url, '/api/clinik/v1/patients', {
      headers: {
        ...asUser(),
        accept: 'application/json',
        'if-none-match': '"v1"',
        'if-match': 'W/"4"',
        'if-unmodified-since': 'Tue, 01 Dec 2026 00:00:00 GMT',
        'if-modified-since': 'Tue, 01 Dec 2026 00:00:00 GMT',
        'if-range': '"v1"',
        prefer: 'return=minimal',
        cookie: 'session=abc',
        authorization: 'Bearer user-token',
        'x-api-key': fakeLiveKey('attacker'),
        'proxy-authorization': 'Basic x',
        forwarded: 'for=1.2.3.4',
        'x-forwarded-for': '1.2.3.4',
        'x-forwarded-host': 'evil.example',
        'x-real-ip': '1.2.3.4',
        'x-custom': 'y',
        te: 'trailers',
        'keep-alive': 'timeout=5',
      },
    });
    const headers = upstream.seen[0]?.headers ?? {};
    expect(headers['x-api-key']).toBe(TEST_KEY);
    expect(headers.accept).toBe('application/json');
    expect(headers['if-none-match']).toBe('"v1"');
    expect(headers['if-match']).toBe('W/"4"');
    expect(headers.prefer).toBe('return=minimal');
    expect(headers['x-request-id']).toMatch(/^req_/);
    expect(headers.host).toBe(new URL(upstream.url).host);
    for (const name of [
      'cookie',
      'authorization',
      'proxy-authorization',
      'forwarded',
      'x-forwarded-for',
      'x-forwarded-host',
      'x-real-ip',
      'x-custom',
      'x-test-user',
      'te',
      'keep-alive',
      // Only If-Match and If-None-Match are part of the contract's versioning.
      'if-unmodified-since',
      'if-modified-since',
      'if-range',
    ]) {
      expect(headers[name], name).toBeUndefined();
    }
  });

  it.each(['x-http-method-override', 'x-http-method', 'x-method-override'])(
    'answers %s with 400 METHOD_OVERRIDE_REJECTED',
    async (name) => {
      const res = await get('/v1/patients', { ...asUser(), [name]: 'DELETE' });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: 'METHOD_OVERRIDE_REJECTED', code: '400' });
      expect(upstream.seen).toHaveLength(0);
    },
  );

  it('refuses TRACE, CONNECT and upgrades', async () => {
    const trace = await send(proxy.url, '/api/clinik/v1/patients', {
      method: 'TRACE',
      headers: asUser(),
    });
    expect(trace.status).toBe(405);
    const upgrade = await get('/v1/patients', {
      ...asUser(),
      connection: 'Upgrade',
      upgrade: 'websocket',
    });
    expect(upgrade.status).toBe(400);
    expect(upgrade.json()).toMatchObject({ error: 'BAD_REQUEST', code: '400' });
    const connect = await sendRaw(
      proxy.port,
      'CONNECT 127.0.0.1:1 HTTP/1.1\r\nHost: 127.0.0.1:1\r\nx-test-user: u1\r\n\r\n',
    );
    // node:http closes CONNECT without a 'connect' listener; the middleware never tunnels.
    expect(connect).not.toMatch(/^HTTP\/1\.1 2/);
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers 431 when headers exceed the limits', async () => {
    const many: Record<string, string> = asUser();
    for (let i = 0; i < 80; i++) many[`x-filler-${i}`] = 'v';
    const res = await get('/v1/patients', many);
    expect(res.status).toBe(431);
    expect(upstream.seen).toHaveLength(0);
  });
});

describe('responses', () => {
  it('keeps rate-limit headers and drops Set-Cookie, Server, X-Powered-By and internal headers', async () => {
    upstream.handler = (_req, res) =>
      sendJson(res, 200, envelope({ id: 'p1' }), {
        'set-cookie': ['aws=1', 'track=2'],
        server: 'nginx/1.2',
        'x-powered-by': 'Express',
        'x-amzn-requestid': 'internal',
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': '999',
        'x-ratelimit-reset': '60',
        'retry-after': '1',
        etag: '"e1"',
      });
    const res = await get('/v1/patients/p1');
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-amzn-requestid']).toBeUndefined();
    expect(res.headers['x-ratelimit-limit']).toBe('1000');
    expect(res.headers['x-ratelimit-remaining']).toBe('999');
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers.etag).toBe('"e1"');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.json()).toEqual(envelope({ id: 'p1' }));
  });

  it("passes the data API's own 429 through with Retry-After and its rate-limit headers", async () => {
    upstream.handler = (_req, res) =>
      sendJson(
        res,
        429,
        { error: 'RATE_LIMITED', message: 'Too many requests', code: '429' },
        { 'retry-after': '17', 'x-ratelimit-remaining': '0', 'x-quota-remaining': '5' },
      );
    const res = await get('/v1/patients');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('17');
    expect(res.headers['x-ratelimit-remaining']).toBe('0');
    expect(res.headers['x-quota-remaining']).toBe('5');
    expect(res.json()).toMatchObject({ error: 'RATE_LIMITED' });
  });

  it('never follows redirects; rewrites upstream Locations to the mount path and drops foreign ones', async () => {
    upstream.handler = (req, res) => {
      const location = req.url.endsWith('p1')
        ? `${upstream.url}/v1/patients/p2`
        : 'https://evil.example/steal';
      res.writeHead(302, { location, 'content-length': 0 });
      res.end();
    };
    const own = await get('/v1/patients/p1');
    expect(own.status).toBe(302);
    expect(own.headers.location).toBe('/api/clinik/v1/patients/p2');
    const foreign = await get('/v1/patients/p3');
    expect(foreign.status).toBe(302);
    expect(foreign.headers.location).toBeUndefined();
    expect(upstream.seen.map((r) => r.url)).toEqual(['/v1/patients/p1', '/v1/patients/p3']);
  });

  it("does not follow redirects even through an app's dispatcher with a redirect interceptor", async () => {
    const elsewhere = await startUpstream();
    const pool = new Pool(upstream.url);
    const following = pool.compose(interceptors.redirect({ maxRedirections: 3 }));
    const front = await startProxy(upstream.url, { dispatcher: following });
    try {
      upstream.handler = (_req, res) => {
        res.writeHead(302, { location: `${elsewhere.url}/v1/patients/p9`, 'content-length': 0 });
        res.end();
      };
      const res = await send(front.url, '/api/clinik/v1/patients/p1', { headers: asUser() });
      expect(res.status).toBe(302);
      expect(res.headers.location).toBeUndefined();
      expect(elsewhere.seen).toHaveLength(0);
    } finally {
      await front.close();
      await pool.close();
      await elsewhere.close();
    }
  });

  it.each([
    [
      'an echoed header',
      (res: import('node:http').ServerResponse, key: string) => {
        res.writeHead(200, { 'x-echo': key, 'content-type': 'application/json' });
        res.end('{"data":{}}');
      },
    ],
    [
      'the body',
      (res: import('node:http').ServerResponse, key: string) =>
        sendJson(res, 200, envelope({ debug: { headers: { 'x-api-key': key } } })),
    ],
    [
      'a redirect Location',
      (res: import('node:http').ServerResponse, key: string) => {
        res.writeHead(302, { location: `https://evil.example/?k=${key}`, 'content-length': 0 });
        res.end();
      },
    ],
    [
      'a header name',
      (res: import('node:http').ServerResponse, key: string) => {
        res.writeHead(200, { [`x-${key}`]: '1', 'content-type': 'application/json' });
        res.end('{"data":{}}');
      },
    ],
    [
      'a gzip-encoded body',
      (res: import('node:http').ServerResponse, key: string) => {
        const body = gzipSync(JSON.stringify({ key }));
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(body);
      },
    ],
  ])(
    'replaces a response leaking the key in %s with 502 and logs it without the key',
    async (_, leak) => {
      upstream.handler = (req, res) => leak(res, String(req.headers['x-api-key']));
      const before = proxy.log.lines.length;
      const res = await get('/v1/patients/p1');
      expect(res.status).toBe(502);
      expect(res.json()).toMatchObject({ error: 'BAD_GATEWAY', code: '502' });
      expect(res.text).not.toContain(TEST_KEY);
      expect(JSON.stringify(res.headers)).not.toContain(TEST_KEY);
      await until(() => proxy.log.lines.length > before + 1);
      const incident = proxy.log.lines.find((l) =>
        String(l.msg).includes('containing the API key'),
      );
      expect(incident).toMatchObject({ level: 'error', route: '/v1/patients/:id' });
      expect(proxy.log.text()).not.toContain(TEST_KEY);
    },
  );
});

describe('limits and upstream failures', () => {
  it('answers 413 for bodies over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ firstName: 'x'.repeat(1_100_000) });
    const declared = await send(proxy.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...asUser(), 'content-type': 'application/json' },
      body: big,
    });
    expect(declared.status).toBe(413);
    expect(declared.json()).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', code: '413' });
    const chunked = await send(proxy.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...asUser(), 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: big,
    }).catch((error: unknown) => ({ status: String(error) }));
    expect(chunked.status).toBe(413);
    expect(upstream.seen).toHaveLength(0);
  });

  it('forwards JSON bodies with a recomputed length and refuses other media types', async () => {
    upstream.handler = (req, res) =>
      sendJson(res, 201, envelope({ id: 'p9', echo: req.body.length }), {});
    const body = JSON.stringify({ firstName: 'Ann', lastName: 'Lee' });
    const created = await send(proxy.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...asUser(), 'content-type': 'application/json' },
      body,
    });
    expect(created.status).toBe(201);
    expect(upstream.seen[0]?.body).toBe(body);
    expect(upstream.seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    const form = await send(proxy.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...asUser(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    expect(upstream.seen).toHaveLength(1);
  });

  it('answers 502 for oversized or unreadable upstream responses', async () => {
    const small = await startProxy(upstream.url, { limits: { responseBytes: 1024 } });
    try {
      upstream.handler = (_req, res) => sendJson(res, 200, envelope({ blob: 'x'.repeat(5000) }));
      const big = await send(small.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(big.status).toBe(502);
      expect(big.json()).toMatchObject({ error: 'BAD_GATEWAY' });
      upstream.handler = (_req, res) => {
        res.writeHead(200, { 'content-encoding': 'zstd', 'content-length': 4 });
        res.end('abcd');
      };
      const odd = await send(small.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(odd.status).toBe(502);
      // A gzip bomb is cut off at the same limit.
      upstream.handler = (_req, res) => {
        const bomb = gzipSync(Buffer.alloc(1_000_000));
        res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': bomb.length });
        res.end(bomb);
      };
      expect((await send(small.url, '/api/clinik/v1/patients', { headers: asUser() })).status).toBe(
        502,
      );
    } finally {
      await small.close();
    }
  });

  it('answers 408 when the client stops sending its body', async () => {
    const strict = await startProxy(upstream.url, { timeouts: { bodyMs: 100 } });
    try {
      const raw = await sendRaw(
        strict.port,
        'POST /api/clinik/v1/patients HTTP/1.1\r\nHost: x\r\nx-test-user: u1\r\n' +
          'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"firstName":',
      );
      expect(raw).toMatch(/^HTTP\/1\.1 408/);
      expect(raw).toContain('"error":"REQUEST_TIMEOUT"');
      expect(upstream.seen).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('answers 504 with the contract body when the upstream hangs', async () => {
    const impatient = await startProxy(upstream.url, { timeouts: { upstreamMs: 200 } });
    try {
      upstream.handler = () => {
        /* never answers */
      };
      const res = await send(impatient.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(res.status).toBe(504);
      expect(res.json()).toMatchObject({ error: 'GATEWAY_TIMEOUT', code: '504' });
    } finally {
      await impatient.close();
    }
  });

  it('answers 502 when the upstream response is cut off', async () => {
    upstream.handler = (_req, res, raw) => {
      res.writeHead(200, { 'content-length': 100 });
      res.write('{"data":');
      raw.socket.destroy();
    };
    const res = await send(proxy.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...asUser(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(502);
    expect(upstream.seen).toHaveLength(1);
  });

  it('answers 502 to a malformed upstream response (smuggling-shaped framing)', async () => {
    const responses = [
      // Both framings at once: the classic request-smuggling shape.
      'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      // A header line without a colon.
      'HTTP/1.1 200 OK\r\nContent-Length 2\r\n\r\n{}',
    ];
    for (const raw of responses) {
      const broken = createNetServer((socket) => socket.once('data', () => socket.end(raw)));
      await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
      const { port } = broken.address() as AddressInfo;
      const front = await startProxy(`http://127.0.0.1:${port}`, { circuitBreaker: false });
      try {
        const res = await send(front.url, '/api/clinik/v1/patients', { headers: asUser() });
        expect(res.status).toBe(502);
        expect(res.json()).toMatchObject({ error: 'BAD_GATEWAY', code: '502' });
      } finally {
        await front.close();
        await new Promise((resolve) => broken.close(resolve));
      }
    }
  });

  it('retries an idempotent request once after a dropped connection, never a POST', async () => {
    let calls = 0;
    upstream.handler = (_req, res, raw) => {
      calls++;
      if (calls === 1) raw.socket.destroy();
      else sendJson(res, 200, envelope({ id: 'p1' }));
    };
    const read = await get('/v1/patients/p1');
    expect(read.status).toBe(200);
    expect(upstream.seen).toHaveLength(2);

    calls = 0;
    upstream.reset();
    upstream.handler = (_req, _res, raw) => raw.socket.destroy();
    const create = await send(proxy.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...asUser(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(create.status).toBe(502);
    expect(upstream.seen).toHaveLength(1);
  });

  it('abandons the upstream call when the client goes away', async () => {
    const patient = await startProxy(upstream.url, { timeouts: { upstreamMs: 60_000 } });
    try {
      let upstreamClosed = false;
      upstream.handler = (_req, res) => res.on('close', () => (upstreamClosed = true));
      const client = send(patient.url, '/api/clinik/v1/patients', { headers: asUser() });
      await until(() => upstream.seen.length === 1);
      // Drop the client connection: the pending upstream exchange must end too.
      patient.server.closeAllConnections();
      await client.catch(() => undefined);
      await until(() => upstreamClosed);
      await until(() => patient.audit.events.length === 1);
      expect(patient.audit.events[0]).toMatchObject({ route: '/v1/patients', status: 499 });
    } finally {
      await patient.close();
    }
  });

  it('reuses upstream connections (keep-alive pool)', async () => {
    const before = upstream.connections;
    for (let i = 0; i < 10; i++) expect((await get('/v1/patients')).status).toBe(200);
    expect(upstream.connections - before).toBeLessThanOrEqual(2);
  });

  it('answers with the final response after 1xx informational ones', async () => {
    upstream.handler = (_req, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      sendJson(res, 200, envelope({ id: 'p1' }));
    };
    const res = await get('/v1/patients/p1');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ data: { id: 'p1' } });
    expect(res.headers.link).toBeUndefined();
  });

  it('close() ends its own upstream connections once their requests are answered', async () => {
    const closing = await startProxy(upstream.url);
    try {
      const opened = upstream.openConnections;
      upstream.handler = (_req, res) => setTimeout(() => sendJson(res, 200, envelope({})), 50);
      const pending = send(closing.url, '/api/clinik/v1/patients', { headers: asUser() });
      await until(() => upstream.seen.length === 1);
      expect(upstream.openConnections).toBe(opened + 1);
      await closing.middleware.close();
      expect((await pending).status).toBe(200);
      // Well before the pool's keep-alive timeout (seconds) would close the socket anyway.
      await until(() => upstream.openConnections === opened, 1500);
    } finally {
      await closing.close();
    }
  });

  it("answers 502 when an app's dispatcher throws instead of reporting the error", async () => {
    const throwing = {
      dispatch() {
        throw new Error('misconfigured');
      },
    } as unknown as Dispatcher;
    const front = await startProxy(upstream.url, { dispatcher: throwing, retries: 0 });
    try {
      const res = await send(front.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(res.status).toBe(502);
      expect(res.json()).toMatchObject({ error: 'BAD_GATEWAY' });
    } finally {
      await front.close();
    }
  });

  it("sends through the app's own dispatcher and leaves it open on close()", async () => {
    let dispatched = 0;
    const pool = new Pool(upstream.url, { connections: 2 });
    const counting = pool.compose((dispatch) => (options, handler) => {
      dispatched++;
      return dispatch(options, handler);
    });
    const own = await startProxy(upstream.url, { dispatcher: counting });
    try {
      expect((await send(own.url, '/api/clinik/v1/patients', { headers: asUser() })).status).toBe(
        200,
      );
      expect(dispatched).toBe(1);
      await own.close();
      expect(pool.closed).toBe(false);
    } finally {
      await pool.close();
    }
  });
});

describe('circuit breaker', () => {
  it('fails fast with 503 and Retry-After while the upstream is down', async () => {
    const dead = await startUpstream();
    const deadUrl = dead.url;
    await dead.close();
    const breaking = await startProxy(deadUrl, {
      circuitBreaker: { failureThreshold: 2, cooldownMs: 60_000 },
      retries: 0,
    });
    try {
      expect(
        (await send(breaking.url, '/api/clinik/v1/patients', { headers: asUser() })).status,
      ).toBe(502);
      expect(
        (await send(breaking.url, '/api/clinik/v1/patients', { headers: asUser() })).status,
      ).toBe(502);
      const open = await send(breaking.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(open.status).toBe(503);
      expect(open.json()).toMatchObject({ error: 'SERVICE_UNAVAILABLE', code: '503' });
      expect(Number(open.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await breaking.close();
    }
  });
});
