import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyWebhook } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { openMemoryPglite, openPglite } from '../db/pglite.js';
import { type ChangeEvent, ChangeEvents } from '../events.js';
import { type SandboxWebhooks, startWebhooks, type WebhookDelivery } from './index.js';
import { ensureWebhookTables, WEBHOOK_TABLES_SQL } from './tables.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver whose answer each test chooses. */
async function receiver(answer: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      answer(req, res, received.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const ok = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(204).end();
const change = (over: Partial<ChangeEvent> = {}): ChangeEvent => ({
  resource: 'appointments',
  event: 'appointment',
  id: 'appt_1',
  action: 'created',
  tenant: 'org_a',
  environment: 'test',
  ...over,
});

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 8000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

let db: Database;
let events: ChangeEvents;
let webhooks: SandboxWebhooks;
let stop: () => Promise<void>;

beforeAll(async () => {
  db = await openMemoryPglite(WEBHOOK_TABLES_SQL, ensureWebhookTables);
  events = new ChangeEvents();
  ({ api: webhooks, stop } = await startWebhooks(db, (l) => events.on(l), {
    timeScale: 0.001,
    timeoutMs: 300,
  }));
}, 20_000);
afterAll(async () => {
  await stop?.();
  await db?.close();
});

const deliveriesOf = async (endpointId: string): Promise<WebhookDelivery[]> =>
  webhooks.deliveries(endpointId);

describe('webhook endpoints', () => {
  it('validate urls and event patterns', async () => {
    await expect(webhooks.add({ org: 'o', env: 'test', url: 'ftp://x' })).rejects.toThrow(/http/);
    await expect(webhooks.add({ org: 'o', env: 'test', url: 'not a url' })).rejects.toThrow(
      /absolute/,
    );
    await expect(
      webhooks.add({ org: 'o', env: 'test', url: 'http://127.0.0.1/', events: ['pateint.*'] }),
    ).rejects.toThrow(/events/);
    const { endpoint, secret } = await webhooks.add({
      org: 'o_list',
      env: 'test',
      url: 'http://127.0.0.1:1/x',
      events: ['care-plan.*', 'patient.created'],
    });
    expect(secret).toMatch(/^whsec_/);
    const listed = await webhooks.list('o_list');
    expect(listed).toEqual([endpoint]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(await webhooks.remove(endpoint.id)).toBe(true);
    expect(await webhooks.list('o_list')).toEqual([]);
  });
});

describe('deliveries', () => {
  it('sign each change with both headers, carry ids only, and respect subscriptions', async () => {
    const hook = await receiver(ok);
    const { endpoint, secret } = await webhooks.add({
      org: 'org_a',
      env: 'test',
      url: hook.url,
      events: ['appointment.*'],
    });
    events.emit(change({ tenant: 'org_b' })); // another tenant
    events.emit(change({ environment: 'live' })); // another environment
    events.emit(change({ resource: 'patients', event: 'patient', id: 'pat_9' })); // not subscribed
    events.emit(change());
    await until(
      async () => (await deliveriesOf(endpoint.id))[0]?.status === 'succeeded',
      'a delivery',
    );
    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received;
    const verified = await verifyWebhook({
      rawBody: delivery?.body ?? '',
      headers: delivery?.headers ?? {},
      secret,
    });
    expect(verified).toMatchObject({
      event: 'appointment.created',
      data: {
        resourceType: 'appointment',
        resourceId: 'appt_1',
        action: 'created',
        tenantId: 'org_a',
        environment: 'test',
      },
    });
    expect(Object.keys(verified.data).sort()).toEqual([
      'action',
      'environment',
      'resourceId',
      'resourceType',
      'tenantId',
    ]);
    expect(delivery?.headers['x-clinik-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(delivery?.headers['x-clinik-event']).toBe('appointment.created');
    hook.close();
  });

  it('retries failures on the schedule and logs every attempt', async () => {
    const hook = await receiver((_req, res, n) => res.writeHead(n < 3 ? 500 : 200).end());
    const { endpoint } = await webhooks.add({ org: 'org_retry', env: 'test', url: hook.url });
    events.emit(change({ tenant: 'org_retry' }));
    await until(
      async () => (await deliveriesOf(endpoint.id))[0]?.status === 'succeeded',
      'success after retries',
    );
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery?.attempts).toBe(3);
    expect(delivery?.log.map((a) => a.error)).toEqual(['HTTP 500', 'HTTP 500', null]);
    // Every attempt carries the same event id (receivers de-duplicate on it).
    expect(new Set(hook.received.map((r) => JSON.parse(r.body).id)).size).toBe(1);
    hook.close();
  });

  it('never follows redirects', async () => {
    const elsewhere = await receiver(ok);
    const hook = await receiver((_req, res) =>
      res.writeHead(302, { location: elsewhere.url }).end(),
    );
    const { endpoint } = await webhooks.add({ org: 'org_redirect', env: 'test', url: hook.url });
    events.emit(change({ tenant: 'org_redirect' }));
    await until(
      async () => ((await deliveriesOf(endpoint.id))[0]?.attempts ?? 0) >= 1,
      'an attempt',
    );
    expect((await deliveriesOf(endpoint.id))[0]?.log[0]?.error).toBe(
      'redirect not followed (HTTP 302)',
    );
    expect(elsewhere.received).toHaveLength(0);
    await webhooks.remove(endpoint.id);
    hook.close();
    elsewhere.close();
  });

  it('gives up after the last retry, and times out slow receivers', async () => {
    // Its own runtime with a smaller time scale: the whole schedule (about 2 h 42 min) takes ~1 s.
    const fastDb = await openMemoryPglite(WEBHOOK_TABLES_SQL, ensureWebhookTables);
    const feed = new ChangeEvents();
    const fast = await startWebhooks(fastDb, (l) => feed.on(l), {
      timeScale: 0.0001,
      timeoutMs: 150,
    });
    const hook = await receiver(() => {}); // never answers
    const { endpoint } = await fast.api.add({ org: 'org_dead', env: 'test', url: hook.url });
    feed.emit(change({ tenant: 'org_dead' }));
    await until(
      async () => (await fast.api.deliveries(endpoint.id))[0]?.status === 'failed',
      'failure',
    );
    const all = await fast.api.deliveries(endpoint.id);
    expect(all).toHaveLength(1);
    const [delivery] = all;
    expect(delivery?.attempts).toBe(6); // first try + 5 retries
    expect(delivery?.log.every((a) => a.error === 'timeout')).toBe(true);
    expect(delivery?.nextAttemptAt).toBeNull();
    await fast.stop();
    await fastDb.close();
    hook.close();
  });

  it('signs with the old and the new secret during a rotation', async () => {
    const hook = await receiver(ok);
    const { endpoint, secret: oldSecret } = await webhooks.add({
      org: 'org_rotate',
      env: 'test',
      url: hook.url,
    });
    const rotated = await webhooks.rotate(endpoint.id, 3600);
    events.emit(change({ tenant: 'org_rotate' }));
    await until(async () => hook.received.length === 1, 'delivery');
    const [delivery] = hook.received;
    for (const secret of [oldSecret, rotated?.secret ?? '']) {
      await expect(
        verifyWebhook({ rawBody: delivery?.body ?? '', headers: delivery?.headers ?? {}, secret }),
      ).resolves.toBeTruthy();
    }
    await webhooks.rotate(endpoint.id, 0);
    events.emit(change({ tenant: 'org_rotate', id: 'appt_2' }));
    await until(async () => hook.received.length === 2, 'second delivery');
    expect(
      hook.received[1]?.headers['x-clinik-signature-v2']?.toString().match(/v1=/g),
    ).toHaveLength(1);
    hook.close();
  });
});

describe('restarts', () => {
  it('resume a pending retry after the sandbox restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clinik-webhooks-'));
    let healthy = false;
    const hook = await receiver((_req, res) => res.writeHead(healthy ? 200 : 503).end());
    try {
      let fileDb = await openPglite(dir);
      await ensureWebhookTables(fileDb);
      let feed = new ChangeEvents();
      let run = await startWebhooks(fileDb, (l) => feed.on(l), { timeScale: 0.01 }); // first retry after 300 ms
      const { endpoint } = await run.api.add({ org: 'org_restart', env: 'test', url: hook.url });
      feed.emit(change({ tenant: 'org_restart' }));
      await until(
        async () => ((await run.api.deliveries(endpoint.id))[0]?.attempts ?? 0) === 1,
        'first attempt',
      );
      await run.stop();
      await fileDb.close();

      healthy = true;
      fileDb = await openPglite(dir);
      feed = new ChangeEvents();
      run = await startWebhooks(fileDb, (l) => feed.on(l), { timeScale: 0.01 });
      await until(
        async () => (await run.api.deliveries(endpoint.id))[0]?.status === 'succeeded',
        'resumed delivery',
      );
      expect((await run.api.deliveries(endpoint.id))[0]?.attempts).toBe(2);
      await run.stop();
      await fileDb.close();
    } finally {
      hook.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
