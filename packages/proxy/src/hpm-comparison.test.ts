import type { ServerResponse } from 'node:http';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staff } from './policies/policies.js';
import { clinikProxy } from './proxy.js';
import {
  envelope,
  type FakeUpstream,
  type SeenRequest,
  sendJson,
  startUpstream,
  TEST_KEY,
} from './test/fake-upstream.js';
import { send, sendRaw, serve, type TestResponse } from './test/http.js';
import { headerAuth, type TestUser } from './test/setup-proxy.js';

// The figures of the README's "Coming from http-proxy-middleware": the same hostile requests, from a
// signed-in user, through a typical key-injecting http-proxy-middleware setup and through
// clinikProxy. A request "gets through" when it reaches the data API carrying the key with what
// made it hostile, or when what made it hostile comes back to the browser.
interface HostileCase {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** What the fake data API answers. */
  respond?: (req: SeenRequest, res: ServerResponse) => void;
  /** Did it get through? Defaults to: anything reached the data API. */
  through?: (seen: SeenRequest[], res: TestResponse) => boolean;
  raw?: string;
}

const reached = (seen: SeenRequest[]) => seen.length > 0;
const carried = (header: string) => (seen: SeenRequest[]) =>
  seen.some((r) => r.headers[header] !== undefined);

const CASES: HostileCase[] = [
  ...[
    '/v1/patients/../../admin',
    '/v1/%2e%2e/admin',
    '/v1/patients/..%2f..%2fadmin',
    '/v1/patients/%2e',
    '/v1/patients/%2e%2e',
    '/v1/patients/a%5cb',
    '/v1/patients\\..\\admin',
    '/v1//patients',
    '/v1/patients/',
    '/v1/patients/%00',
    '/v1/patients/%0d%0aX-Injected:%201',
    '/v1/patients/%252e%252e',
    `/v1/patients/${'x'.repeat(3000)}`,
    '/v1/admin',
    '/v2/patients',
    '/v1/fhir/Patient',
    '/v1/bulk/jobs/j1',
    '/_sandbox/keys',
    '/health',
    '/v1/patients?x-api-key=1',
    '/v1/patients?name=a&name=b',
    '/v1/patients?unknown=1',
    '/v1/patients/pat_a?name=a',
  ].map((path) => ({ name: `path ${path.slice(0, 40)}`, path })),
  {
    name: 'absolute-form request target',
    path: '',
    raw:
      'GET http://evil.example/api/clinik/v1/patients HTTP/1.1\r\nHost: evil.example\r\n' +
      'x-test-user: u1\r\nConnection: close\r\n\r\n',
  },
  { name: 'bulk export (off)', method: 'POST', path: '/v1/bulk/export', body: '{}' },
  { name: 'PUT on a resource', method: 'PUT', path: '/v1/patients/pat_a', body: '{}' },
  { name: 'TRACE', method: 'TRACE', path: '/v1/patients' },
  ...[
    'cookie',
    'authorization',
    'proxy-authorization',
    'x-forwarded-for',
    'x-forwarded-host',
    'forwarded',
    'x-real-ip',
  ].map((header) => ({
    name: `client ${header} forwarded`,
    path: '/v1/patients',
    headers: { [header]: header === 'cookie' ? 'session=victim' : 'Bearer user-token' },
    through: carried(header),
  })),
  ...['x-http-method-override', 'x-http-method', 'x-method-override'].map((header) => ({
    name: `${header}: DELETE`,
    path: '/v1/patients/pat_a',
    headers: { [header]: 'DELETE' },
  })),
  {
    name: 'protocol upgrade',
    path: '/v1/patients',
    headers: { connection: 'Upgrade', upgrade: 'websocket' },
  },
  {
    name: 'a form body (not JSON)',
    method: 'POST',
    path: '/v1/patients',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'firstName=a',
  },
  {
    name: 'a 2 MB body',
    method: 'POST',
    path: '/v1/patients',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'x'.repeat(2_000_000) }),
  },
  {
    name: 'a cross-site form post',
    method: 'POST',
    path: '/v1/patients',
    headers: {
      'sec-fetch-site': 'cross-site',
      origin: 'https://evil.example',
      'content-type': 'text/plain',
    },
    body: '{"firstName":"Mallory","lastName":"x","y":"="}',
  },
  {
    name: 'the key echoed in the response body',
    path: '/v1/patients/pat_a',
    respond: (req, res) => sendJson(res, 200, envelope({ debug: req.headers['x-api-key'] })),
    through: (_, res) => res.text.includes(TEST_KEY),
  },
  {
    name: 'the key echoed in a response header',
    path: '/v1/patients/pat_a',
    respond: (req, res) =>
      sendJson(res, 200, envelope({}), { 'x-debug-key': String(req.headers['x-api-key']) }),
    through: (_, res) => JSON.stringify(res.headers).includes(TEST_KEY),
  },
  {
    name: 'an upstream Set-Cookie',
    path: '/v1/patients/pat_a',
    respond: (_req, res) => sendJson(res, 200, envelope({}), { 'set-cookie': 'aws=1; Path=/' }),
    through: (_, res) => res.headers['set-cookie'] !== undefined,
  },
  {
    name: 'a redirect to another host',
    path: '/v1/patients/pat_a',
    respond: (_req, res) => {
      res.writeHead(302, { location: 'https://evil.example/steal', 'content-length': 0 });
      res.end();
    },
    through: (_, res) => res.headers.location === 'https://evil.example/steal',
  },
  {
    name: 'an HTML page served as is (no nosniff/CSP)',
    path: '/v1/patients/pat_a',
    respond: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<script>alert(1)</script>');
    },
    through: (_, res) => res.headers['content-security-policy'] === undefined,
  },
];

let upstream: FakeUpstream;
let hpmApp: Awaited<ReturnType<typeof serve>>;
let clinikApp: Awaited<ReturnType<typeof serve>>;
let proxy: ReturnType<typeof clinikProxy<TestUser, express.Request>>;

beforeAll(async () => {
  upstream = await startUpstream();
  // A typical key-injecting setup: the app's own sign-in in front, then http-proxy-middleware
  // adding the key (on.proxyReq), changeOrigin, its defaults for everything else.
  const hpm = express();
  hpm.use('/api/clinik', (req, res, next) => {
    if (headerAuth(req)) next();
    else res.status(401).json({ error: 'UNAUTHORIZED' });
  });
  hpm.use(
    '/api/clinik',
    createProxyMiddleware({
      target: upstream.url,
      changeOrigin: true,
      on: { proxyReq: (proxyReq) => proxyReq.setHeader('x-api-key', TEST_KEY) },
    }),
  );
  hpmApp = await serve(hpm);

  proxy = clinikProxy<TestUser, express.Request>({
    target: upstream.url,
    apiKey: TEST_KEY,
    authenticate: headerAuth,
    authorize: staff(),
    rateLimit: false,
    logger: false,
  });
  const clinik = express();
  clinik.use('/api/clinik', proxy);
  clinikApp = await serve(clinik);
});
afterAll(async () => {
  await Promise.all([hpmApp.close(), clinikApp.close()]);
  await proxy.close();
  await upstream.close();
});
beforeEach(() => upstream.reset());

async function through(app: { url: string; port: number }, hostile: HostileCase): Promise<boolean> {
  upstream.reset();
  if (hostile.respond) upstream.handler = hostile.respond;
  if (hostile.raw) {
    const raw = hostile.raw.replace('/api/clinik', '/api/clinik');
    await sendRaw(app.port, raw);
    return reached(upstream.seen);
  }
  const res = await send(app.url, `/api/clinik${hostile.path}`, {
    method: hostile.method ?? 'GET',
    headers: { 'x-test-user': 'u1', ...hostile.headers },
    body: hostile.body,
  }).catch(() => ({ status: 0, headers: {}, text: '', json: () => ({}) }) as TestResponse);
  // Give a forwarded request that the proxy answered early a moment to arrive.
  await new Promise((r) => setTimeout(r, 20));
  return (hostile.through ?? reached)(upstream.seen, res);
}

describe('hostile requests: http-proxy-middleware (key injected) vs clinikProxy', () => {
  it(`lets none of ${CASES.length} through clinikProxy, where the hpm setup lets most through`, async () => {
    const results: { name: string; hpm: boolean; clinik: boolean }[] = [];
    for (const hostile of CASES) {
      results.push({
        name: hostile.name,
        hpm: await through(hpmApp, hostile),
        clinik: await through(clinikApp, hostile),
      });
    }
    const hpmCount = results.filter((r) => r.hpm).length;
    console.log(
      `hostile requests that got through: http-proxy-middleware ${hpmCount} of ${CASES.length}, clinikProxy ${results.filter((r) => r.clinik).length} of ${CASES.length}\n` +
        results.map((r) => `  ${r.hpm ? 'THROUGH' : 'stopped'}  ${r.name}`).join('\n'),
    );
    expect(results.filter((r) => r.clinik)).toEqual([]);
    expect(hpmCount).toBeGreaterThan(CASES.length / 2);
  }, 60_000);
});
