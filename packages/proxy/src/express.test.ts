import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { patientPortal } from './policies/policies.js';
import { clinikProxy } from './proxy.js';
import { type FakeUpstream, startUpstream, TEST_KEY } from './test/fake-upstream.js';
import { send, serve } from './test/http.js';
import { recordHandler } from './test/record-upstream.js';
import { headerAuth, type TestUser } from './test/setup-proxy.js';

let upstream: FakeUpstream;
let app: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  upstream = await startUpstream();
  const server = express();
  // A common app setup: body parsing for the whole app, before the proxy.
  server.use(express.json());
  server.use(
    '/api/clinik',
    clinikProxy<TestUser, express.Request>({
      target: upstream.url,
      apiKey: TEST_KEY,
      authenticate: headerAuth,
      authorize: patientPortal({
        patientIdOf: (u) => u.patientId ?? 'pat_a',
        writable: ['appointments'],
      }),
      rateLimit: false,
      logger: false,
    }),
  );
  server.get('/other', (_req, res) => {
    res.json({ ok: true });
  });
  app = await serve(server);
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.reset();
  upstream.handler = recordHandler;
});

const user = { 'x-test-user': 'u1', 'x-test-patient': 'pat_a' };

describe('in Express', () => {
  it('forwards a body already parsed by express.json()', async () => {
    const body = { status: 'proposed', patientId: 'pat_a', comment: 'hi' };
    const res = await send(app.url, '/api/clinik/v1/appointments', {
      method: 'POST',
      headers: { ...user, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    expect(JSON.parse(upstream.seen[0]?.body ?? '')).toEqual(body);
    expect(upstream.seen[0]?.headers['content-length']).toBe(
      String(Buffer.byteLength(JSON.stringify(body))),
    );
  });

  it("drops Express's X-Powered-By from proxied responses and errors", async () => {
    const ok = await send(app.url, '/api/clinik/v1/appointments/apt_a', { headers: user });
    expect(ok.status).toBe(200);
    expect(ok.headers['x-powered-by']).toBeUndefined();
    const denied = await send(app.url, '/api/clinik/v1/appointments');
    expect(denied.status).toBe(401);
    expect(denied.headers['x-powered-by']).toBeUndefined();
  });

  it('still enforces ownership on parsed bodies', async () => {
    const res = await send(app.url, '/api/clinik/v1/appointments', {
      method: 'POST',
      headers: { ...user, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'proposed', patientId: 'pat_b' }),
    });
    expect(res.status).toBe(403);
    expect(upstream.seen).toHaveLength(0);
  });

  it('rewrites Location to the Express mount path', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(303, { location: '/v1/appointments/apt_a', 'content-length': 0 });
      res.end();
    };
    const res = await send(app.url, '/api/clinik/v1/appointments/apt_a', { headers: user });
    expect(res.headers.location).toBe('/api/clinik/v1/appointments/apt_a');
  });

  it('leaves other app routes alone and refuses traversal out of the mount', async () => {
    expect((await send(app.url, '/other')).json()).toEqual({ ok: true });
    const res = await send(app.url, '/api/clinik/v1/../../other', { headers: user });
    expect(res.status).toBe(400);
    expect(upstream.seen).toHaveLength(0);
  });
});
