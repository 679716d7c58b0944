import { request } from 'node:http';
import { signWebhook } from '@clinikapi/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryDedupeStore, MemoryEventBus } from '../events/memory.js';
import type { AuditEvent } from '../index.js';
import { patientPortal } from '../policies/policies.js';
import {
  envelope,
  type FakeUpstream,
  fakeLiveKey,
  sendJson,
  startUpstream,
  TEST_KEY,
} from '../test/fake-upstream.js';
import { memoryLogger, send, sendRaw, until } from '../test/http.js';
import { MOUNTS, type Mounted, type MountUser } from '../test/mounts.js';
import { recordHandler } from '../test/record-upstream.js';

// One behavioural suite, run against every mount: Express, node:http, a Next.js route handler,
// Hono and a plain fetch handler. What differs between mounts is only how they are mounted.
const SECRET = 'whsec_mounts_suite';
/** Store bound of the outage cases, and room for a loaded machine on top of it. */
const STORE_MS = 200;
const SLACK_MS = 1000;
/** A store call that never answers (a client library queueing while Redis is unreachable). */
const never = () => new Promise<never>(() => {});
const stalledRateLimit = () => ({ increment: never, decrement: never, resetKey: never });

describe.each(Object.keys(MOUNTS))('mounted with %s', (name) => {
  const mount = MOUNTS[name] as (typeof MOUNTS)[string];
  let upstream: FakeUpstream;
  let app: Mounted;
  let audits: AuditEvent[];
  const log = memoryLogger();

  beforeAll(async () => {
    upstream = await startUpstream();
    audits = [];
    app = await mount({
      target: upstream.url,
      apiKey: TEST_KEY,
      // Staff see everything; x-test-patient makes the user a portal patient.
      authorize: (context) =>
        context.user.patientId
          ? patientPortal<MountUser>({
              patientIdOf: (u) => u.patientId,
              writable: ['appointments'],
            })(context)
          : true,
      rateLimit: false,
      logger: log.logger,
      onAudit: (event) => void audits.push(event),
      timeouts: { upstreamMs: 1000, bodyMs: 300 },
      events: { webhookSecret: SECRET, heartbeatMs: 60_000 },
      actions: true,
    });
  });
  afterAll(async () => {
    await app.close();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.reset();
    upstream.handler = recordHandler;
  });

  const staffUser = { 'x-test-user': 'staff_1' };
  const patientA = { 'x-test-user': 'ann', 'x-test-patient': 'pat_a' };
  const json = { 'content-type': 'application/json' };
  const call = (
    path: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => send(app.url, `/api/clinik${path}`, init);

  describe('authentication', () => {
    it('answers 401 with the contract body and never calls upstream', async () => {
      const res = await call('/v1/patients');
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ error: 'UNAUTHORIZED', code: '401' });
      expect(res.json().requestId).toMatch(/^req_/);
      expect(upstream.seen).toHaveLength(0);
    });

    it('injects the key, forwards only the allowlist and drops the client key', async () => {
      const res = await call('/v1/patients/pat_a', {
        headers: {
          ...staffUser,
          'x-api-key': fakeLiveKey('attacker'),
          cookie: 'sid=1',
          authorization: 'Bearer t',
          'x-forwarded-for': '1.2.3.4',
        },
      });
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ data: { id: 'pat_a' } });
      const seen = upstream.seen[0]?.headers ?? {};
      expect(seen['x-api-key']).toBe(TEST_KEY);
      for (const header of ['cookie', 'authorization', 'x-forwarded-for', 'x-test-user']) {
        expect(seen[header], header).toBeUndefined();
      }
      expect(res.text).not.toContain(TEST_KEY);
      expect(res.headers['x-request-id']).toMatch(/^req_/);
    });

    it('audits every request once with the route template, never ids in the route', async () => {
      const before = audits.length;
      await call('/v1/appointments/apt_a', { headers: staffUser });
      await until(() => audits.length > before);
      expect(audits.at(-1)).toMatchObject({
        userId: 'staff_1',
        method: 'GET',
        route: '/v1/appointments/:id',
        resourceId: 'apt_a',
        status: 200,
      });
    });
  });

  describe('policies and narrowing', () => {
    it("forces the patient's id on searches", async () => {
      const res = await call('/v1/appointments?patientId=pat_b', { headers: patientA });
      expect(res.status).toBe(200);
      expect(upstream.seen[0]?.url).toBe('/v1/appointments?patientId=pat_a');
    });

    it("answers 404 for another patient's record and 403 for a create naming them", async () => {
      expect((await call('/v1/appointments/apt_b', { headers: patientA })).status).toBe(404);
      expect((await call('/v1/patients/pat_b', { headers: patientA })).status).toBe(404);
      const create = await call('/v1/appointments', {
        method: 'POST',
        headers: { ...patientA, ...json },
        body: JSON.stringify({ status: 'proposed', patientId: 'pat_b' }),
      });
      expect(create.status).toBe(403);
      const update = await call('/v1/appointments/apt_b', {
        method: 'PATCH',
        headers: { ...patientA, ...json },
        body: JSON.stringify({ comment: 'mine now' }),
      });
      expect(update.status).toBe(404);
      expect(upstream.seen.filter((r) => r.method !== 'GET')).toHaveLength(0);
    });

    it('lets the patient act on their own records', async () => {
      const create = await call('/v1/appointments', {
        method: 'POST',
        headers: { ...patientA, ...json },
        body: JSON.stringify({ status: 'proposed', patientId: 'pat_a' }),
      });
      expect(create.status).toBe(201);
      expect(JSON.parse(upstream.seen[0]?.body ?? '')).toEqual({
        status: 'proposed',
        patientId: 'pat_a',
      });
    });
  });

  describe('hardening', () => {
    it.each([
      '/v1/patients/../../admin',
      '/v1/%2e%2e/admin',
      '/v1/patients/..%2f..%2fadmin',
      '/v1/patients/a%5cb',
      '/v1/patients\\..\\admin',
      '/v1//patients',
      '/v1/patients/%00',
    ])('never forwards the hostile path %s', async (path) => {
      const res = await call(path, { headers: staffUser });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(upstream.seen).toHaveLength(0);
    });

    it('answers 400 METHOD_OVERRIDE_REJECTED and filters response headers', async () => {
      const override = await call('/v1/patients', {
        headers: { ...staffUser, 'x-http-method-override': 'DELETE' },
      });
      expect(override.status).toBe(400);
      expect(override.json()).toMatchObject({ error: 'METHOD_OVERRIDE_REJECTED' });
      upstream.handler = (_req, res) =>
        sendJson(res, 200, envelope({ id: 'p1' }), {
          'set-cookie': 'aws=1',
          server: 'nginx',
          'x-amzn-requestid': 'internal',
          etag: 'W/"3"',
        });
      const res = await call('/v1/patients/p1', { headers: staffUser });
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['x-amzn-requestid']).toBeUndefined();
      expect(res.headers.etag).toBe('W/"3"');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('withholds a response that leaks the key (502)', async () => {
      upstream.handler = (req, res) =>
        sendJson(res, 200, envelope({ echo: req.headers['x-api-key'] }));
      const res = await call('/v1/patients/p1', { headers: staffUser });
      expect(res.status).toBe(502);
      expect(res.text).not.toContain(TEST_KEY);
    });

    it('rewrites upstream redirects to the mount path and drops foreign ones', async () => {
      upstream.handler = (req, res) => {
        const location = req.url.endsWith('p1')
          ? `${upstream.url}/v1/patients/p2`
          : 'https://evil.example/x';
        res.writeHead(302, { location, 'content-length': 0 });
        res.end();
      };
      const own = await call('/v1/patients/p1', { headers: staffUser });
      expect(own.status).toBe(302);
      expect(own.headers.location).toBe('/api/clinik/v1/patients/p2');
      const foreign = await call('/v1/patients/p3', { headers: staffUser });
      expect(foreign.headers.location).toBeUndefined();
    });

    it('limits bodies: 413 declared or streamed, 415 not JSON, 400 empty', async () => {
      const big = JSON.stringify({ firstName: 'x'.repeat(1_100_000) });
      const declared = await call('/v1/patients', {
        method: 'POST',
        headers: { ...staffUser, ...json },
        body: big,
      });
      expect(declared.status).toBe(413);
      const chunked = await call('/v1/patients', {
        method: 'POST',
        headers: { ...staffUser, ...json, 'transfer-encoding': 'chunked' },
        body: big,
      }).catch(() => ({ status: 413 }));
      expect(chunked.status).toBe(413);
      const form = await call('/v1/patients', {
        method: 'POST',
        headers: { ...staffUser, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      });
      expect(form.status).toBe(415);
      const empty = await call('/v1/patients/pat_a', {
        method: 'PATCH',
        headers: { ...staffUser, ...json, 'content-length': '0' },
      });
      expect(empty.status).toBe(400);
      expect(empty.json()).toMatchObject({ error: 'INVALID_JSON' });
      expect(upstream.seen).toHaveLength(0);
    });

    it('answers 408 when the client stops sending its body', async () => {
      const raw = await sendRaw(
        app.port,
        'POST /api/clinik/v1/patients HTTP/1.1\r\nHost: 127.0.0.1\r\nx-test-user: staff_1\r\n' +
          'content-type: application/json\r\ncontent-length: 100\r\n\r\n{"firstName":',
      );
      expect(raw).toMatch(/^HTTP\/1\.1 408/);
      expect(raw).toContain('"error":"REQUEST_TIMEOUT"');
      expect(upstream.seen).toHaveLength(0);
    });

    it('abandons the upstream call when the client goes away', async () => {
      let upstreamClosed = false;
      upstream.handler = (_req, res) => res.on('close', () => (upstreamClosed = true));
      const timeoutsBefore = log.lines.filter((l) => l.cause === 'TIMEOUT').length;
      const client = request(`${app.url}/api/clinik/v1/patients`, { headers: staffUser });
      client.on('error', () => {});
      client.end();
      await until(() => upstream.seen.length === 1);
      client.destroy();
      await until(() => upstreamClosed);
      // Ended because the client left, not by the upstream deadline (which would log a timeout).
      await new Promise((r) => setTimeout(r, 1200));
      expect(log.lines.filter((l) => l.cause === 'TIMEOUT')).toHaveLength(timeoutsBefore);
    });

    it('answers 504 with the contract body when the upstream hangs', async () => {
      upstream.handler = () => {
        /* never answers */
      };
      const res = await call('/v1/patients', { headers: staffUser });
      expect(res.status).toBe(504);
      expect(res.json()).toMatchObject({ error: 'GATEWAY_TIMEOUT', code: '504' });
    });
  });

  describe('cross-site requests (CSRF)', () => {
    const body = JSON.stringify({ status: 'proposed', patientId: 'pat_a' });
    const create = (headers: Record<string, string>, payload = body) =>
      call('/v1/appointments', {
        method: 'POST',
        headers: { ...staffUser, ...headers },
        body: payload,
      });

    it('refuses cross-site form posts and text/plain bodies with 403', async () => {
      for (const headers of <Record<string, string>[]>[
        {
          'sec-fetch-site': 'cross-site',
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
        },
        {
          'sec-fetch-site': 'cross-site',
          origin: 'https://evil.example',
          'content-type': 'text/plain',
        },
        { 'sec-fetch-site': 'same-site', origin: 'https://sub.example', ...json },
        { origin: 'https://evil.example', ...json },
        { origin: 'null', ...json },
      ]) {
        const res = await create(headers);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(res.json()).toMatchObject({ error: 'FORBIDDEN', code: '403' });
      }
      const cancel = await call('/v1/appointments/apt_a', {
        method: 'DELETE',
        headers: { ...staffUser, 'sec-fetch-site': 'cross-site' },
      });
      expect(cancel.status).toBe(403);
      expect(upstream.seen).toHaveLength(0);
    });

    it('accepts same-origin requests and clients without browser headers', async () => {
      expect((await create({ 'sec-fetch-site': 'same-origin', ...json })).status).toBe(201);
      expect((await create({ origin: app.url, ...json })).status).toBe(201);
      expect((await create(json)).status).toBe(201);
    });
  });

  describe('actions ({ action, data })', () => {
    const act = (payload: unknown, headers: Record<string, string>) =>
      call('/actions', {
        method: 'POST',
        headers: { ...headers, ...json },
        body: JSON.stringify(payload),
      });

    it("runs actions through the same policies: another patient's record is out of reach", async () => {
      const other = await act({ action: 'patients.read', data: { id: 'pat_b' } }, patientA);
      expect(other.status).toBe(404);
      const book = await act(
        { action: 'appointments.create', data: { status: 'proposed', patientId: 'pat_b' } },
        patientA,
      );
      expect(book.status).toBe(403);
      expect(upstream.seen).toHaveLength(0);
      const own = await act({ action: 'patients.read', data: { id: 'pat_a' } }, patientA);
      expect(own.status).toBe(200);
      expect(own.json()).toMatchObject({ data: { id: 'pat_a' }, meta: {} });
    });

    it('answers 400 to unknown actions and 403 to cross-site ones', async () => {
      const unknown = await act({ action: 'patients.delete', data: { id: 'pat_a' } }, staffUser);
      expect(unknown.status).toBe(400);
      expect(unknown.json()).toMatchObject({ error: 'UNKNOWN_ACTION', code: '400' });
      const forged = await act(
        { action: 'patients.update', data: { id: 'pat_a', phone: '0' } },
        { ...staffUser, 'sec-fetch-site': 'cross-site' },
      );
      expect(forged.status).toBe(403);
      expect(upstream.seen).toHaveLength(0);
    });
  });

  describe('live updates', () => {
    it('streams a signed change to a signed-in user, exempting the webhook from CSRF', async () => {
      expect((await call('/events')).status).toBe(401);
      let text = '';
      let headers: Record<string, unknown> = {};
      const stream = request(`${app.url}/api/clinik/events`, { headers: staffUser }, (res) => {
        headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
      });
      stream.on('error', () => {});
      stream.end();
      try {
        await until(() => text.includes('retry:'));
        expect(headers['content-type']).toContain('text/event-stream');
        expect(headers['cache-control']).toBe('no-store, no-transform');
        const { body, headers: signed } = await signWebhook({
          payload: {
            id: `evt_${name.replace(/[^a-z]/g, '')}_1`,
            event: 'appointment.updated',
            timestamp: new Date().toISOString(),
            data: {
              resourceType: 'appointment',
              resourceId: 'apt_a',
              action: 'updated',
              tenantId: 'org_a',
              environment: 'test',
            },
          },
          secret: SECRET,
        });
        const delivered = await call('/webhooks', {
          method: 'POST',
          headers: { ...signed, 'sec-fetch-site': 'cross-site' },
          body,
        });
        expect(delivered.status).toBe(200);
        await until(() => text.includes('event: change'));
        expect(text).toContain('"resourceId":"apt_a"');
        const forged = await call('/webhooks', {
          method: 'POST',
          headers: {
            ...signed,
            'x-clinik-signature-v2': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
          },
          body,
        });
        expect(forged.status).toBe(401);
      } finally {
        stream.destroy();
      }
    });
  });
  describe('store outages (stores that never answer)', () => {
    // The same policies on every mount: bounded store calls, rate limits open or closed,
    // webhooks refused while de-duplication is down, fan-out delivered locally.
    let open: Mounted;
    let closed: Mounted;
    const openAudits: AuditEvent[] = [];
    const openLog = memoryLogger();
    const signed = (id: string) =>
      signWebhook({
        payload: {
          id,
          event: 'appointment.updated',
          timestamp: new Date().toISOString(),
          data: {
            resourceType: 'appointment',
            resourceId: 'apt_a',
            action: 'updated',
            tenantId: 'org_a',
            environment: 'test',
          },
        },
        secret: SECRET,
      });
    const timed = async <T>(work: Promise<T>) => {
      const started = performance.now();
      const value = await work;
      return { value, ms: performance.now() - started };
    };

    beforeAll(async () => {
      const base = {
        target: upstream.url,
        apiKey: TEST_KEY,
        authorize: () => true,
        timeouts: { upstreamMs: 1000, storeMs: STORE_MS },
      };
      open = await mount({
        ...base,
        rateLimit: { store: stalledRateLimit() },
        logger: openLog.logger,
        onAudit: (event) => void openAudits.push(event),
        events: {
          webhookSecret: SECRET,
          heartbeatMs: 60_000,
          store: { bus: { publish: never, subscribe: never }, dedupe: new MemoryDedupeStore() },
        },
      });
      closed = await mount({
        ...base,
        rateLimit: { store: stalledRateLimit(), storeFailure: 'closed' },
        logger: false,
        events: {
          webhookSecret: SECRET,
          heartbeatMs: 60_000,
          store: { bus: new MemoryEventBus(), dedupe: { claim: never } },
        },
      });
    });
    afterAll(async () => {
      await open?.close();
      await closed?.close();
    });
    const at = (app: Mounted, path: string, init: Parameters<typeof send>[2] = {}) =>
      send(app.url, `/api/clinik${path}`, init);

    it('rate limits fail open within the bound: 200, audited as unlimited, one warning', async () => {
      for (let i = 0; i < 3; i++) {
        const { value: res, ms } = await timed(at(open, '/v1/patients', { headers: staffUser }));
        expect(res.status).toBe(200);
        expect(res.headers['ratelimit-remaining']).toBeUndefined();
        expect(ms).toBeLessThan(STORE_MS + SLACK_MS);
        await until(() => openAudits.some((e) => e.requestId === res.headers['x-request-id']));
        const audit = openAudits.find((e) => e.requestId === res.headers['x-request-id']);
        expect(audit).toMatchObject({ status: 200, unlimited: true });
      }
      const warnings = openLog.lines.filter((l) => l.store === 'rateLimit');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        level: 'warn',
        policy: 'fail-open',
        errorClass: 'StoreTimeoutError',
      });
    });

    it('rate limits fail closed when configured: 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
      for (let i = 0; i < 2; i++) {
        const { value: res, ms } = await timed(at(closed, '/v1/patients', { headers: staffUser }));
        expect(res.status).toBe(503);
        expect(res.json()).toMatchObject({ error: 'SERVICE_UNAVAILABLE', code: '503' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(ms).toBeLessThan(STORE_MS + SLACK_MS);
      }
      // A failed sign-in is refused either way.
      expect((await at(closed, '/v1/patients')).status).toBe(401);
    });

    it('refuses webhooks with 503 and Retry-After while de-duplication does not answer', async () => {
      const { body, headers } = await signed(`evt_stalled_${name.replace(/[^a-z]/g, '')}`);
      const { value: res, ms } = await timed(
        at(closed, '/webhooks', { method: 'POST', headers, body }),
      );
      expect(res.status).toBe(503);
      expect(res.json()).toMatchObject({ error: 'STORE_UNAVAILABLE' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(ms).toBeLessThan(STORE_MS + SLACK_MS);
    });

    it('opens event streams and delivers changes locally while the bus does not answer', async () => {
      let text = '';
      const opened = performance.now();
      const stream = request(`${open.url}/api/clinik/events`, { headers: staffUser }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
      });
      stream.on('error', () => {});
      stream.end();
      try {
        await until(() => text.includes('retry:'));
        expect(performance.now() - opened).toBeLessThan(STORE_MS + SLACK_MS);
        const { body, headers } = await signed(`evt_local_${name.replace(/[^a-z]/g, '')}`);
        const { value: res, ms } = await timed(
          at(open, '/webhooks', { method: 'POST', headers, body }),
        );
        expect(res.status).toBe(200);
        expect(ms).toBeLessThan(STORE_MS + SLACK_MS);
        await until(() => text.includes('event: change'));
        expect(text.split('"resourceId":"apt_a"')).toHaveLength(2);
      } finally {
        stream.destroy();
      }
    });

    it("reports each store's state and policy in health()", async () => {
      const degraded = await open.health();
      expect(degraded.status).toBe('degraded');
      expect(degraded.stores.rateLimit).toMatchObject({ state: 'down', policy: 'fail-open' });
      expect(degraded.stores.rateLimit?.error).toMatchObject({ errorClass: 'StoreTimeoutError' });
      expect(degraded.stores.bus).toMatchObject({ state: 'down', policy: 'local-delivery' });
      expect(degraded.stores.dedupe).toMatchObject({ state: 'up', policy: 'refuse-webhooks' });
      const unavailable = await closed.health();
      expect(unavailable.status).toBe('unavailable');
      expect(unavailable.stores.rateLimit).toMatchObject({ state: 'down', policy: 'fail-closed' });
      expect(unavailable.stores.dedupe).toMatchObject({ state: 'down' });
      expect(unavailable.stores.bus).toMatchObject({ state: 'up' });
      expect(await app.health()).toEqual({
        status: 'ok',
        stores: {
          dedupe: expect.objectContaining({ state: 'up' }),
          bus: expect.objectContaining({ state: 'up' }),
        },
      });
    });
  });
});
