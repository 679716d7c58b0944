import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhook } from '@clinikapi/core';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookReceiver } from '../events/receiver.js';
import { EventStream } from '../events/stream.js';
import type { ChangeNotice } from '../events/types.js';
import { connectNode, nodeReceiver } from '../test/node-events.js';
import { startRedisServer } from '../test/redis-server.js';
import { redisStores } from './redis.js';

let redis: Awaited<ReturnType<typeof startRedisServer>>;
let clientA: Redis;
let clientB: Redis;
let instanceA: ReturnType<typeof redisStores>;
let instanceB: ReturnType<typeof redisStores>;

beforeAll(async () => {
  redis = await startRedisServer();
  clientA = new Redis(redis.url, { lazyConnect: false });
  clientB = new Redis(redis.url);
  const prefix = `test${Date.now()}:`;
  instanceA = redisStores({ client: clientA, prefix });
  instanceB = redisStores({ client: clientB, prefix });
}, 20_000);

afterAll(async () => {
  await instanceA?.bus.close();
  await instanceB?.bus.close();
  clientA?.disconnect();
  clientB?.disconnect();
  await redis?.stop();
});

describe('Redis stores shared by two proxy instances', () => {
  it('count one user against one limit across instances', async () => {
    instanceA.rateLimit.init({ windowMs: 60_000 });
    instanceB.rateLimit.init({ windowMs: 60_000 });
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await (i % 2 ? instanceB : instanceA).rateLimit.increment('user_1'));
    }
    expect(results.map((r) => r.totalHits)).toEqual([1, 2, 3, 4, 5, 6]);
    const reset = results[5]?.resetTime.getTime() ?? 0;
    expect(reset - Date.now()).toBeGreaterThan(55_000);
    expect(reset - Date.now()).toBeLessThanOrEqual(60_000);
    await instanceB.rateLimit.decrement('user_1');
    expect((await instanceA.rateLimit.increment('user_1')).totalHits).toBe(6);
    await instanceA.rateLimit.resetKey('user_1');
    expect((await instanceB.rateLimit.increment('user_1')).totalHits).toBe(1);
  });

  it('let exactly one instance claim a webhook event id', async () => {
    const claims = await Promise.all([
      instanceA.dedupe.claim('evt_same', 60_000),
      instanceB.dedupe.claim('evt_same', 60_000),
      instanceA.dedupe.claim('evt_same', 60_000),
    ]);
    // One claim; the others see it in progress until it is confirmed or released.
    expect(claims.filter((c) => c === true)).toHaveLength(1);
    expect(claims.filter((c) => c === 'pending')).toHaveLength(2);
    await instanceB.dedupe.confirm('evt_same', 60_000);
    expect(await instanceA.dedupe.claim('evt_same', 60_000)).toBe(false);
    await instanceB.dedupe.release('evt_same');
    expect(await instanceA.dedupe.claim('evt_same', 60_000)).toBe(true);
  });

  it('fan a notice out from one instance to the other, ignoring junk on the channel', async () => {
    const received: ChangeNotice[] = [];
    const unsubscribe = await instanceB.bus.subscribe((n) => received.push(n));
    const notice: ChangeNotice = {
      id: 'evt_fan',
      event: 'slot.updated',
      resource: 'slots',
      resourceId: 's1',
      action: 'updated',
      timestamp: new Date().toISOString(),
    };
    // biome-ignore lint/complexity/useLiteralKeys: private field reached on purpose to inject junk
    await clientA.publish(instanceA.bus['channel'], '{not json');
    await instanceA.bus.publish(notice);
    const deadline = Date.now() + 5000;
    while (received.length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(received).toEqual([notice]);
    unsubscribe();
  });

  it('deliver a webhook received by instance A to a browser streaming from instance B', async () => {
    const secret = 'whsec_redis';
    const receiverA = createWebhookReceiver({
      secrets: [secret],
      bus: instanceA.bus,
      dedupe: instanceA.dedupe,
    });
    const streamB = new EventStream<{ id: string }>({ bus: instanceB.bus, canSee: () => true });
    await streamB.start();
    const servers: Server[] = [];
    const listen = async (handler: Parameters<typeof createServer>[1]) => {
      const s = createServer(handler);
      servers.push(s);
      await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    };
    const urlA = await listen((req, res) => void nodeReceiver(receiverA)(req, res));
    const urlB = await listen((req, res) => connectNode(streamB, req, res, { id: 'staff' }));

    let text = '';
    const browser = request(urlB, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
    });
    browser.end();
    while (streamB.clientCount === 0) await new Promise((r) => setTimeout(r, 5));

    const event = {
      id: 'evt_cross_instance',
      event: 'appointment.created',
      timestamp: new Date().toISOString(),
      data: {
        resourceType: 'appointment',
        resourceId: 'a1',
        action: 'created',
        tenantId: 'o',
        environment: 'test',
      },
    } as const;
    const signed = await signWebhook({ payload: event, secret });
    expect(
      (await fetch(urlA, { method: 'POST', body: signed.body, headers: signed.headers })).status,
    ).toBe(200);
    // The sender retries the same event to instance B's receiver: it is recognised as a duplicate there.
    const receiverB = createWebhookReceiver({
      secrets: [secret],
      bus: instanceB.bus,
      dedupe: instanceB.dedupe,
    });
    const urlB2 = await listen((req, res) => void nodeReceiver(receiverB)(req, res));
    const retry = await fetch(urlB2, {
      method: 'POST',
      body: signed.body,
      headers: signed.headers,
    });
    expect(await retry.json()).toMatchObject({ duplicate: true });

    const deadline = Date.now() + 5000;
    while (!text.includes('evt_cross_instance') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(text).toContain('id: evt_cross_instance');
    expect(text.match(/evt_cross_instance/g)?.length).toBe(2); // id line + data, exactly once
    browser.destroy();
    await streamB.close();
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });
});
