import { request } from 'node:http';
import { signWebhook, type WebhookEvent } from '@clinikapi/core';
import compression from 'compression';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryDedupeStore, MemoryEventBus } from './events/memory.js';
import { EventStream } from './events/stream.js';
import type { ChangeNotice } from './events/types.js';
import { staff } from './policies/policies.js';
import { clinikProxy } from './proxy.js';
import { addressBucket } from './rate-limit/limiter.js';
import { type FakeUpstream, startUpstream, TEST_KEY } from './test/fake-upstream.js';
import { memoryLogger, send, serve, until } from './test/http.js';
import { connectNode } from './test/node-events.js';
import { recordHandler } from './test/record-upstream.js';
import { headerAuth, type TestUser } from './test/setup-proxy.js';

// The findings of issue 17, each one a test that failed before its fix.
const SECRET = 'whsec_findings_secret';
let upstream: FakeUpstream;

beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  await upstream.close();
});
beforeEach(() => {
  upstream.reset();
  upstream.handler = recordHandler;
});

const base = () => ({
  target: upstream.url,
  apiKey: TEST_KEY,
  authenticate: headerAuth,
  authorize: staff<TestUser>(),
  rateLimit: false as const,
  logger: false as const,
});

function webhookEvent(resourceType: string, id = `evt_${Math.random().toString(36).slice(2)}`) {
  return {
    id,
    event: `${resourceType}.updated`,
    timestamp: new Date().toISOString(),
    data: {
      resourceType,
      resourceId: 'pat_a',
      action: 'updated',
      tenantId: 'org_a',
      environment: 'test',
    },
  } satisfies WebhookEvent;
}

/** Opens an SSE stream and collects what arrives. */
function openStream(url: string, headers: Record<string, string>) {
  let text = '';
  let resHeaders: Record<string, unknown> = {};
  const req = request(url, { headers }, (res) => {
    resHeaders = res.headers;
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
    });
  });
  req.on('error', () => {});
  req.end();
  return {
    text: () => text,
    headers: () => resHeaders,
    close: () => req.destroy(),
  };
}

describe('compression() in front of the proxy', () => {
  it('does not buffer the event stream: events and heartbeats arrive at once', async () => {
    const proxy = clinikProxy<TestUser, express.Request>({
      ...base(),
      events: { webhookSecret: SECRET, heartbeatMs: 100 },
    });
    const app = express();
    app.use(compression());
    app.use('/api/clinik', proxy);
    const server = await serve(app);
    const stream = openStream(`${server.url}/api/clinik/events`, {
      'x-test-user': 'staff',
      'accept-encoding': 'gzip',
    });
    try {
      await until(() => stream.text().includes('retry:'));
      expect(stream.headers()['cache-control']).toBe('no-store, no-transform');
      expect(stream.headers()['content-encoding']).toBeUndefined();
      await until(() => stream.text().includes(': heartbeat'));
      const { body, headers } = await signWebhook({
        payload: webhookEvent('patient'),
        secret: SECRET,
      });
      const delivered = await fetch(`${server.url}/api/clinik/webhooks`, {
        method: 'POST',
        body,
        headers,
      });
      expect(delivered.status).toBe(200);
      await until(() => stream.text().includes('event: change'));
    } finally {
      stream.close();
      await proxy.close();
      await server.close();
    }
  });
});

describe('users without an id', () => {
  it('are refused with 500 and a clear log line instead of sharing one "anonymous" identity', async () => {
    const log = memoryLogger();
    const proxy = clinikProxy<{ name: string }>({
      ...base(),
      authenticate: () => ({ name: 'Ann' }),
      authorize: staff(),
      rateLimit: { limit: 1 },
      mountPath: '/api/clinik',
      logger: log.logger,
    });
    const server = await serve((req, res) => proxy(req, res));
    try {
      const res = await send(server.url, '/api/clinik/v1/patients');
      expect(res.status).toBe(500);
      expect(res.json()).toMatchObject({ error: 'INTERNAL_ERROR' });
      expect(upstream.seen).toHaveLength(0);
      await until(() => log.lines.some((l) => l.msg === 'clinik-proxy request'));
      expect(log.text()).toContain('pass userIdOf');
      expect(log.lines.find((l) => l.msg === 'clinik-proxy request')).toMatchObject({
        userId: null,
        status: 500,
      });
      expect(log.text()).not.toContain('"anonymous"');
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});

describe('the failed sign-in limit', () => {
  it('counts IPv6 addresses per /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressBucket('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:0:0:9')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressBucket('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressBucket('192.0.2.7')).toBe('192.0.2.7');
    expect(addressBucket(undefined)).toBe('unknown');
    expect(addressBucket('not an address')).toBe('unknown');
  });

  it('gives ten addresses of one /64 one budget, and another /64 its own', async () => {
    const proxy = clinikProxy<TestUser>({
      ...base(),
      rateLimit: { limit: 3 },
      mountPath: '/api/clinik',
      clientAddressOf: (req) => req.headers['x-test-address'] as string,
    });
    const server = await serve((req, res) => proxy(req, res));
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 10; i++) {
        const res = await send(server.url, '/api/clinik/v1/patients', {
          headers: { 'x-test-address': `2001:db8:aa:bb::${i.toString(16)}` },
        });
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 401)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
      const other = await send(server.url, '/api/clinik/v1/patients', {
        headers: { 'x-test-address': '2001:db8:aa:bc::1' },
      });
      expect(other.status).toBe(401);
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});

describe('the reset frame of the event stream', () => {
  it('carries an id, so the next reconnect resumes instead of being reset again', async () => {
    const bus = new MemoryEventBus();
    const stream = new EventStream<{ id: string }>({ bus, canSee: () => true, bufferSize: 10 });
    await stream.start();
    const server = await serve((req, res) => connectNode(stream, req, res, { id: 'staff' }));
    const notice = (id: string): ChangeNotice => ({
      id,
      event: 'patient.updated',
      resource: 'patients',
      resourceId: 'pat_a',
      action: 'updated',
      timestamp: new Date(0).toISOString(),
    });
    const resetId = (text: string) => /id: (\S+)\nevent: reset/.exec(text)?.[1];
    try {
      // Nothing buffered yet: the reset names the start of this instance's buffer.
      const first = openStream(server.url, { 'last-event-id': 'evt_stale' });
      await until(() => first.text().includes('event: reset'));
      first.close();
      const origin = resetId(first.text());
      expect(origin).toMatch(/^start_/);
      bus.publish(notice('evt_1'));
      const second = openStream(server.url, { 'last-event-id': origin as string });
      await until(() => second.text().includes('evt_1'));
      expect(second.text()).not.toContain('event: reset');
      second.close();

      // A stale id again: the reset names the newest notice, and resuming from it is quiet.
      bus.publish(notice('evt_2'));
      const third = openStream(server.url, { 'last-event-id': 'evt_stale' });
      await until(() => third.text().includes('event: reset'));
      third.close();
      expect(resetId(third.text())).toBe('evt_2');
      const fourth = openStream(server.url, { 'last-event-id': 'evt_2' });
      await until(() => fourth.text().includes('retry:'));
      bus.publish(notice('evt_3'));
      await until(() => fourth.text().includes('evt_3'));
      expect(fourth.text()).not.toContain('event: reset');
      expect(fourth.text()).not.toContain('evt_2');
      fourth.close();
    } finally {
      await stream.close();
      await server.close();
    }
  });
});

describe('bodies read by a parser before the proxy', () => {
  async function appWith(parser: express.RequestHandler) {
    const proxy = clinikProxy<TestUser, express.Request>(base());
    const app = express();
    app.use(parser);
    app.use('/api/clinik', proxy);
    const server = await serve(app);
    return {
      url: server.url,
      close: async () => {
        await proxy.close();
        await server.close();
      },
    };
  }
  const user = { 'x-test-user': 'staff', 'content-type': 'application/json' };

  it('express.json(): an empty PATCH is refused, not forwarded as {}', async () => {
    const app = await appWith(express.json());
    try {
      const res = await send(app.url, '/api/clinik/v1/patients/pat_a', {
        method: 'PATCH',
        headers: { ...user, 'content-length': '0' },
      });
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ error: 'INVALID_JSON', code: '400' });
      expect(upstream.seen).toHaveLength(0);
    } finally {
      await app.close();
    }
  });

  it('express.json({ strict: false }): a JSON string body keeps its quotes', async () => {
    const app = await appWith(express.json({ strict: false }));
    try {
      for (const init of [{}, { 'transfer-encoding': 'chunked' }] as Record<string, string>[]) {
        upstream.reset();
        upstream.handler = recordHandler;
        await send(app.url, '/api/clinik/v1/patients', {
          method: 'POST',
          headers: { ...user, ...init },
          body: '"abc"',
        });
        expect(upstream.seen[0]?.body).toBe('"abc"');
      }
    } finally {
      await app.close();
    }
  });

  it('express.text() for JSON: the text is forwarded as sent', async () => {
    const app = await appWith(express.text({ type: 'application/json' }));
    try {
      await send(app.url, '/api/clinik/v1/patients', {
        method: 'POST',
        headers: user,
        body: '{"firstName":"Ann", "lastName":"Lee"}',
      });
      expect(upstream.seen[0]?.body).toBe('{"firstName":"Ann", "lastName":"Lee"}');
    } finally {
      await app.close();
    }
  });

  it('the same empty PATCH is refused without a parser too', async () => {
    const proxy = clinikProxy<TestUser>({ ...base(), mountPath: '/api/clinik' });
    const server = await serve((req, res) => proxy(req, res));
    try {
      const res = await send(server.url, '/api/clinik/v1/patients/pat_a', {
        method: 'PATCH',
        headers: { ...user, 'content-length': '0' },
      });
      expect(res.status).toBe(400);
      expect(upstream.seen).toHaveLength(0);
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});

describe('the webhook receiver', () => {
  it('verifies the exact bytes that express.raw() kept in req.body', async () => {
    const proxy = clinikProxy<TestUser, express.Request>({
      ...base(),
      events: { webhookSecret: SECRET },
    });
    const app = express();
    app.use(express.raw({ type: '*/*' }));
    app.use('/api/clinik', proxy);
    const server = await serve(app);
    try {
      const { body, headers } = await signWebhook({
        payload: webhookEvent('patient'),
        secret: SECRET,
      });
      const res = await fetch(`${server.url}/api/clinik/webhooks`, {
        method: 'POST',
        body,
        headers,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ received: true, duplicate: false });
    } finally {
      await proxy.close();
      await server.close();
    }
  });

  it('refuses a signed event of an unknown resource type (422, logged), and takes its retry later', async () => {
    const log = memoryLogger();
    const bus = new MemoryEventBus();
    const published: ChangeNotice[] = [];
    bus.subscribe((n) => published.push(n));
    const proxy = clinikProxy<TestUser>({
      ...base(),
      mountPath: '/api/clinik',
      logger: log.logger,
      events: { webhookSecret: SECRET, store: { bus, dedupe: new MemoryDedupeStore() } },
    });
    const server = await serve((req, res) => proxy(req, res));
    try {
      const event = webhookEvent('questionnaire', 'evt_unknown_1');
      const deliver = async () => {
        const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
        return fetch(`${server.url}/api/clinik/webhooks`, { method: 'POST', body, headers });
      };
      const first = await deliver();
      expect(first.status).toBe(422);
      expect(await first.json()).toMatchObject({ error: 'UNKNOWN_RESOURCE_TYPE', code: '422' });
      expect(published).toHaveLength(0);
      expect(
        log.lines.find((l) => l.code === 'UNKNOWN_RESOURCE_TYPE' && l.level === 'error'),
      ).toMatchObject({ resourceType: 'questionnaire', status: 422 });
      // The retry is not taken for a duplicate: the id was released.
      const retry = await deliver();
      expect(retry.status).toBe(422);
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});

describe("the README's Express snippet", () => {
  const snippetOptions = () => ({
    target: upstream.url,
    apiKey: TEST_KEY,
    authenticate: headerAuth,
    authorize: staff<TestUser>(),
    events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET }, // optional: live updates
  });

  it('starts without CLINIKAPI_WEBHOOK_SECRET: live updates are off, with a warning', async () => {
    const saved = process.env.CLINIKAPI_WEBHOOK_SECRET;
    delete process.env.CLINIKAPI_WEBHOOK_SECRET;
    const log = memoryLogger();
    try {
      const proxy = clinikProxy<TestUser, express.Request>({
        ...snippetOptions(),
        logger: log.logger,
      });
      expect(log.text()).toContain('live updates are off');
      const app = express();
      app.use('/api/clinik', proxy);
      app.use(express.json());
      const server = await serve(app);
      try {
        const events = await send(server.url, '/api/clinik/events', {
          headers: { 'x-test-user': 'staff' },
        });
        expect(events.status).toBe(404);
        const read = await send(server.url, '/api/clinik/v1/patients/pat_a', {
          headers: { 'x-test-user': 'staff' },
        });
        expect(read.status).toBe(200);
      } finally {
        await proxy.close();
        await server.close();
      }
      // Naming no secret at all is still a startup error.
      expect(() => clinikProxy({ ...snippetOptions(), events: {} })).toThrow(/webhookSecret/);
    } finally {
      if (saved !== undefined) process.env.CLINIKAPI_WEBHOOK_SECRET = saved;
    }
  });

  it('serves live updates when the secret is set', async () => {
    const saved = process.env.CLINIKAPI_WEBHOOK_SECRET;
    process.env.CLINIKAPI_WEBHOOK_SECRET = SECRET;
    try {
      const proxy = clinikProxy<TestUser, express.Request>({ ...snippetOptions(), logger: false });
      const app = express();
      app.use('/api/clinik', proxy); // before express.json(), so webhook bodies stay raw
      app.use(express.json());
      const server = await serve(app);
      const stream = openStream(`${server.url}/api/clinik/events`, { 'x-test-user': 'staff' });
      try {
        await until(() => stream.text().includes('retry:'));
        const { body, headers } = await signWebhook({
          payload: webhookEvent('patient'),
          secret: SECRET,
        });
        const res = await fetch(`${server.url}/api/clinik/webhooks`, {
          method: 'POST',
          body,
          headers,
        });
        expect(res.status).toBe(200);
        await until(() => stream.text().includes('event: change'));
      } finally {
        stream.close();
        await proxy.close();
        await server.close();
      }
    } finally {
      if (saved === undefined) delete process.env.CLINIKAPI_WEBHOOK_SECRET;
      else process.env.CLINIKAPI_WEBHOOK_SECRET = saved;
    }
  });
});
