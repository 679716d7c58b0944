import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook, type WebhookEvent } from '@clinikapi/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectNode, nodeReceiver } from '../test/node-events.js';
import { MemoryDedupeStore, MemoryEventBus } from './memory.js';
import { createWebhookReceiver } from './receiver.js';
import { EventStream } from './stream.js';
import type { ChangeNotice } from './types.js';

const SECRET = 'whsec_events_test';
const bus = new MemoryEventBus();
const dedupe = new MemoryDedupeStore();
const published: ChangeNotice[] = [];
bus.subscribe((n) => published.push(n));

interface TestUser {
  id: string;
  patientId?: string;
}
const users: Record<string, TestUser> = {
  staff: { id: 'staff' },
  portal: { id: 'portal', patientId: 'pat_1' },
};
const stream = new EventStream<TestUser>({
  bus,
  heartbeatMs: 50,
  bufferSize: 3,
  canSee: (user, notice) =>
    !user.patientId || (notice.resource === 'patients' && notice.resourceId === user.patientId),
});

const receiver = createWebhookReceiver({ secrets: ['whsec_old', SECRET], bus, dedupe });
let server: Server;
let base: string;

beforeAll(async () => {
  await stream.start();
  server = createServer((req, res) => {
    if (req.url?.startsWith('/webhooks')) {
      void nodeReceiver(receiver)(req, res);
      return;
    }
    const user = users[new URL(req.url ?? '/', 'http://x').searchParams.get('as') ?? ''];
    if (!user) {
      res.writeHead(401).end();
      return;
    }
    connectNode(stream, req, res, user);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await stream.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  published.length = 0;
});

let counter = 0;
function makeEvent(resourceType: string, resourceId: string): WebhookEvent {
  counter++;
  return {
    id: `evt_${counter}_${Date.now()}`,
    event: `${resourceType}.updated`,
    timestamp: new Date().toISOString(),
    data: { resourceType, resourceId, action: 'updated', tenantId: 'org_1', environment: 'test' },
  };
}

async function deliver(body: string, headers: Record<string, string>) {
  const response = await fetch(`${base}/webhooks`, { method: 'POST', body, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Opens an SSE stream and collects its raw text. */
function openStream(as: string, lastEventId?: string) {
  let text = '';
  const req = request(`${base}/events?as=${as}`, {
    headers: lastEventId ? { 'last-event-id': lastEventId } : {},
  });
  const ready = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      resolve(res.statusCode ?? 0);
    });
  });
  req.end();
  return {
    ready,
    text: () => text,
    until: async (check: (text: string) => boolean) => {
      const deadline = Date.now() + 5000;
      while (!check(text)) {
        if (Date.now() > deadline) throw new Error(`stream never matched; got: ${text}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => req.destroy(),
  };
}

describe('webhook receiver', () => {
  it('accepts a genuine delivery and publishes an id-only notice', async () => {
    const event = makeEvent('care-plan', 'cp_1');
    const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
    expect(await deliver(body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: false },
    });
    expect(published).toEqual([
      {
        id: event.id,
        event: 'care-plan.updated',
        resource: 'care-plans',
        resourceId: 'cp_1',
        action: 'updated',
        timestamp: event.timestamp,
      },
    ]);
  });

  it('processes a repeated delivery once', async () => {
    const signed = await signWebhook({ payload: makeEvent('patient', 'pat_1'), secret: SECRET });
    await deliver(signed.body, signed.headers);
    const again = await signWebhook({ payload: signed.body, secret: SECRET }); // a retry is re-signed
    expect(await deliver(again.body, again.headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
    expect(published).toHaveLength(1);
  });

  it('accepts the previous secret during rotation', async () => {
    const { body, headers } = await signWebhook({
      payload: makeEvent('patient', 'p'),
      secret: 'whsec_old',
    });
    expect((await deliver(body, headers)).status).toBe(200);
  });

  it('rejects forged, tampered, stale and unsigned deliveries without publishing', async () => {
    const forged = await signWebhook({ payload: makeEvent('patient', 'p'), secret: 'attacker' });
    expect(await deliver(forged.body, forged.headers)).toMatchObject({
      status: 401,
      body: { error: 'INVALID_WEBHOOK' },
    });
    const genuine = await signWebhook({ payload: makeEvent('patient', 'p'), secret: SECRET });
    expect((await deliver(genuine.body.replace('"p"', '"q"'), genuine.headers)).status).toBe(401);
    const stale = await signWebhook({
      payload: makeEvent('patient', 'p'),
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect((await deliver(stale.body, stale.headers)).status).toBe(401);
    expect((await deliver(genuine.body, { 'content-type': 'application/json' })).status).toBe(401);
    expect(published).toHaveLength(0);
  });

  it('refuses oversize bodies and other methods', async () => {
    const big = await signWebhook({
      payload: JSON.stringify({ pad: 'x'.repeat(70_000) }),
      secret: SECRET,
    });
    expect((await deliver(big.body, big.headers)).status).toBe(413);
    expect((await fetch(`${base}/webhooks`)).status).toBe(405);
  });

  it('answers 503 and forgets the id when publishing fails, so the retry is accepted', async () => {
    const failing = createWebhookReceiver({
      secrets: [SECRET],
      dedupe,
      bus: { publish: () => Promise.reject(new Error('redis down')), subscribe: () => () => {} },
    });
    const local = createServer((req, res) => void nodeReceiver(failing)(req, res));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
    const event = makeEvent('patient', 'p');
    const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
    expect((await fetch(url, { method: 'POST', body, headers })).status).toBe(503);
    expect(await dedupe.claim(event.id, 1000)).toBe(true);
    local.close();
  });
});

describe('event stream', () => {
  it('sends each user only what they may see', async () => {
    const staff = openStream('staff');
    const portal = openStream('portal');
    expect(await staff.ready).toBe(200);
    expect(await portal.ready).toBe(200);
    await staff.until((t) => t.includes('retry:'));
    await portal.until((t) => t.includes('retry:'));
    for (const [type, id] of [
      ['patient', 'pat_2'],
      ['patient', 'pat_1'],
    ] as const) {
      const { body, headers } = await signWebhook({ payload: makeEvent(type, id), secret: SECRET });
      await deliver(body, headers);
    }
    await staff.until((t) => t.includes('"pat_1"'));
    await portal.until((t) => t.includes('"pat_1"'));
    expect(staff.text()).toContain('"pat_2"');
    expect(portal.text()).not.toContain('"pat_2"');
    expect(staff.text()).toMatch(/id: evt_\S+\nevent: change\ndata: \{/);
    staff.close();
    portal.close();
  });

  it('sends heartbeats', async () => {
    const s = openStream('staff');
    await s.until((t) => t.includes(': heartbeat'));
    s.close();
  });

  it('resumes after Last-Event-ID from the buffer, or asks for a reset when it is gone', async () => {
    const ids: string[] = [];
    for (const id of ['a', 'b', 'c']) {
      const event = makeEvent('patient', `pat_${id}`);
      ids.push(event.id);
      const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
      await deliver(body, headers);
    }
    const resumed = openStream('staff', ids[0]);
    await resumed.until((t) => t.includes('"pat_c"'));
    expect(resumed.text()).toContain('"pat_b"');
    expect(resumed.text()).not.toContain('"pat_a"');
    resumed.close();
    const lost = openStream('staff', 'evt_long_gone');
    await lost.until((t) => t.includes('event: reset'));
    lost.close();
  });

  it('ends every stream on close and refuses new ones', async () => {
    const local = new EventStream<TestUser>({ bus: new MemoryEventBus(), canSee: () => true });
    await local.start();
    const srv = createServer((req, res) => connectNode(local, req, res, users.staff as TestUser));
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    const ended = new Promise<void>((resolve) => {
      request(url, (res) => {
        res.resume();
        res.on('end', resolve);
      }).end();
    });
    while (local.clientCount === 0) await new Promise((r) => setTimeout(r, 5));
    await local.close();
    await ended;
    expect((await fetch(url)).status).toBe(503);
    srv.closeAllConnections();
    srv.close();
  });
});
