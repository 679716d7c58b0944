import { request } from 'node:http';
import { signWebhook, type WebhookEvent } from '@clinikapi/core';
import { Redis, type RedisOptions } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryDedupeStore } from '../events/memory.js';
import type { DedupeStore } from '../events/types.js';
import { type FakeUpstream, okHandler, startUpstream } from '../test/fake-upstream.js';
import { send } from '../test/http.js';
import {
  eventually,
  type OutageTimeline,
  phaseOf,
  type Sample,
  sleep,
  startLoad,
  summarize,
} from '../test/outage.js';
import { startRedisServer, type TestRedis } from '../test/redis-server.js';
import { asUser, startProxy } from '../test/setup-proxy.js';
import type { AuditEvent, ProxyHealth } from '../types.js';
import { redisStores } from './redis.js';

// A real redis-server killed (SIGKILL) under load and started again, for each store: rate-limit
// counters (fail open, fail closed), webhook de-duplication (fails closed) and event fan-out
// (degrades to local delivery). Latency assertions are bounds with room for a loaded machine:
// the store bound plus the upstream's own time plus SLACK_MS. Without the bound, requests wait
// for the client library's reconnection (the whole outage, DOWN_MS, and more), so SLACK_MS stays
// well below DOWN_MS: 2 s of slack lets a 2-core CI machine running Chromium beside this stall
// for a second without failing, while a request that waits out the outage still fails.
const STORE_MS = 300;
const UPSTREAM_MS = 20;
const SLACK_MS = 2000;
const DOWN_MS = 4000;
const SECRET = 'whsec_outage_suite';

let upstream: FakeUpstream;
const cleanup: (() => Promise<unknown> | unknown)[] = [];

beforeAll(async () => {
  upstream = await startUpstream();
});
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});
afterAll(async () => {
  await upstream?.close();
});

/** The clinic's upstream: answers each request after UPSTREAM_MS. */
function slowUpstream() {
  upstream.handler = (req, res, raw) => setTimeout(() => okHandler(req, res, raw), UPSTREAM_MS);
}

/** An ioredis client as an app creates it; its connection errors are expected here. */
async function redisClient(url: string, options: RedisOptions = {}) {
  const client = new Redis(url, options);
  client.on('error', () => {});
  cleanup.push(() => client.disconnect());
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return client;
}

/** README's recommended client options (see "Several instances (Redis)"). */
const RECOMMENDED: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1 };

async function redisServer(options: { persist?: boolean } = {}) {
  const redis = await startRedisServer(options);
  cleanup.push(() => redis.stop());
  return redis;
}

/**
 * Kills redis-server while `during` runs, starts it again after DOWN_MS and waits until every
 * `health` says ok. Returns the timeline and the health reports seen during the outage.
 */
async function outage(
  redis: TestRedis,
  health: (() => Promise<ProxyHealth>)[],
  during: () => Promise<void> = async () => {},
) {
  const killAt = performance.now();
  await redis.kill();
  const deadAt = performance.now();
  const [duringResult] = await Promise.all([
    (async () => {
      await during();
      await sleep(STORE_MS + 200);
      return Promise.all(health.map((h) => h()));
    })(),
    sleep(DOWN_MS),
  ]);
  const restartAt = performance.now();
  await redis.restart();
  await eventually(
    async () => (await Promise.all(health.map((h) => h()))).every((r) => r.status === 'ok'),
    15_000,
  );
  const recoveredAt = performance.now();
  const timeline: OutageTimeline = { killAt, deadAt, restartAt, recoveredAt };
  return { timeline, healthDuring: duringResult };
}

function byPhase(samples: readonly Sample[], timeline: OutageTimeline) {
  const phases = { up: [] as Sample[], down: [] as Sample[], back: [] as Sample[] };
  for (const sample of samples) {
    const phase = phaseOf(sample, timeline);
    if (phase) phases[phase].push(sample);
  }
  return phases;
}

describe('rate-limit store outage', () => {
  async function run(options: { storeFailure?: 'open' | 'closed'; client: RedisOptions }) {
    slowUpstream();
    const redis = await redisServer();
    const client = await redisClient(redis.url, options.client);
    const proxy = await startProxy(upstream.url, {
      rateLimit: {
        limit: 1_000_000,
        store: redisStores({ client, prefix: `rl${Date.now()}:` }).rateLimit,
        ...(options.storeFailure ? { storeFailure: options.storeFailure } : {}),
      },
      timeouts: { storeMs: STORE_MS },
    });
    cleanup.push(() => proxy.close());
    const load = startLoad({
      url: proxy.url,
      concurrency: 8,
      timeoutMs: 10_000,
      next: (n) => ({ path: '/api/clinik/v1/patients', headers: asUser(`nurse_${n % 3}`) }),
    });
    // Enough requests in each phase, however slowly a loaded machine serves them.
    const startedSince = (t: number) => load.samples.filter((s) => s.start >= t).length;
    await eventually(() => load.samples.length >= 20, 20_000);
    const { timeline, healthDuring } = await outage(
      redis,
      [() => proxy.middleware.health()],
      async () => {
        const dead = performance.now();
        await eventually(() => startedSince(dead) >= 20, 20_000);
      },
    );
    await eventually(() => startedSince(timeline.recoveredAt) >= 20, 20_000);
    await load.stop();
    const phases = byPhase(load.samples, timeline);
    for (const phase of ['up', 'down', 'back'] as const) {
      expect(phases[phase].length, `${phase} requests`).toBeGreaterThan(5);
    }
    // Bounded: no request waited longer than the store bound plus the upstream's time (+ slack),
    // before, during, across or after the outage.
    const worst = Math.max(...load.samples.map((s) => s.ms));
    expect(worst).toBeLessThan(STORE_MS + UPSTREAM_MS + SLACK_MS);
    // Never a 500, never an abandoned request.
    const broken = load.samples.filter(
      (s) => s.status === 0 || (s.status >= 500 && s.status !== 503),
    );
    expect(broken.map((s) => s.status)).toEqual([]);
    expect(phases.up.every((s) => s.status === 200)).toBe(true);
    expect(phases.back.every((s) => s.status === 200)).toBe(true);
    // Counting resumed: every request after the recovery carries the user's budget.
    expect(phases.back.every((s) => s.headers['ratelimit-remaining'] !== undefined)).toBe(true);
    return { proxy, phases, healthDuring: healthDuring[0] as ProxyHealth, samples: load.samples };
  }

  const auditOf = (events: AuditEvent[], sample: Sample) =>
    events.find((e) => e.requestId === sample.headers['x-request-id']);

  it('fails open by default: requests proceed uncounted, one warning per outage, then recover (ioredis defaults)', async () => {
    const { proxy, phases, healthDuring, samples } = await run({ client: {} });
    expect(phases.down.every((s) => s.status === 200)).toBe(true);
    // Once the outage is known, calls fail fast instead of each waiting for the bound.
    expect(summarize(phases.down).p50).toBeLessThan(STORE_MS);
    expect(healthDuring.status).toBe('degraded');
    expect(healthDuring.stores.rateLimit).toMatchObject({ state: 'down', policy: 'fail-open' });
    // The audit event of every request served during the outage says it went uncounted.
    await eventually(() => samples.every((s) => auditOf(proxy.audit.events, s)));
    expect(phases.down.every((s) => auditOf(proxy.audit.events, s)?.unlimited === true)).toBe(true);
    expect(phases.up.some((s) => auditOf(proxy.audit.events, s)?.unlimited)).toBe(false);
    expect(phases.back.some((s) => auditOf(proxy.audit.events, s)?.unlimited)).toBe(false);
    // One warning for the whole outage, naming the error's class; one line when it is back.
    const warnings = proxy.log.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ store: 'rateLimit', policy: 'fail-open' });
    expect(warnings[0]?.errorClass).toMatch(/^[A-Za-z]+Error$/);
    expect(proxy.log.lines.filter((l) => /available again/.test(String(l.msg)))).toHaveLength(1);
    expect((await proxy.middleware.health()).stores.rateLimit?.state).toBe('up');
  }, 90_000);

  it('fails closed when configured: 503 SERVICE_UNAVAILABLE with Retry-After, never 500 (recommended client options)', async () => {
    const { phases, healthDuring } = await run({ storeFailure: 'closed', client: RECOMMENDED });
    expect(phases.down.length).toBeGreaterThan(5);
    for (const sample of phases.down) {
      expect(sample.status).toBe(503);
      expect(JSON.parse(sample.body)).toMatchObject({ error: 'SERVICE_UNAVAILABLE' });
      expect(Number(sample.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(healthDuring.status).toBe('unavailable');
    expect(healthDuring.stores.rateLimit).toMatchObject({ state: 'down', policy: 'fail-closed' });
  }, 90_000);
});

/** An SSE stream of a signed-in staff user; collects the raw text. */
function openStream(base: string) {
  let text = '';
  let status = 0;
  const opened = performance.now();
  let firstByteMs = -1;
  const req = request(
    `${base}/api/clinik/events`,
    { headers: asUser('staff_stream'), agent: false },
    (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (firstByteMs < 0) firstByteMs = performance.now() - opened;
        text += chunk;
      });
    },
  );
  req.on('error', () => {});
  req.end();
  cleanup.push(() => req.destroy());
  return {
    text: () => text,
    status: () => status,
    firstByteMs: () => firstByteMs,
    /** How many times the change with this event id was sent (data lines; reset frames carry `{}`). */
    count: (id: string) => text.split(`"id":"${id}"`).length - 1,
    resets: () => text.split('event: reset').length - 1,
  };
}

function webhookEvent(id: string, resourceId: string): WebhookEvent {
  return {
    id,
    event: 'appointment.updated',
    timestamp: new Date().toISOString(),
    data: {
      resourceType: 'appointment',
      resourceId,
      action: 'updated',
      tenantId: 'org_outage',
      environment: 'test',
    },
  };
}

interface Delivery {
  id: string;
  instance: number;
  status: number;
  ms: number;
  duplicate: unknown;
  error: unknown;
  retryAfter: unknown;
}

async function deliver(base: string, event: WebhookEvent, instance: number): Promise<Delivery> {
  const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
  const started = performance.now();
  const res = await send(base, '/api/clinik/webhooks', { method: 'POST', headers, body });
  const json = res.json();
  return {
    id: event.id,
    instance,
    status: res.status,
    ms: performance.now() - started,
    duplicate: json.duplicate,
    error: json.error,
    retryAfter: res.headers['retry-after'],
  };
}

async function twoInstances(
  store: (stores: ReturnType<typeof redisStores>, client: Redis) => { dedupe?: DedupeStore },
  client: RedisOptions,
  url: string,
  names: readonly string[] = [],
) {
  const prefix = `ev${Date.now()}:`;
  const instances = [];
  for (let i = 0; i < 2; i++) {
    const name = names[i];
    const redis = await redisClient(url, name ? { ...client, connectionName: name } : client);
    const stores = redisStores({ client: redis, prefix });
    cleanup.push(() => stores.bus.close());
    const proxy = await startProxy(upstream.url, {
      events: {
        webhookSecret: SECRET,
        heartbeatMs: 60_000,
        store: { bus: stores.bus, dedupe: stores.dedupe, ...store(stores, redis) },
      },
      timeouts: { storeMs: STORE_MS },
    });
    cleanup.push(() => proxy.close());
    instances.push(proxy);
  }
  return instances as [(typeof instances)[0], (typeof instances)[0]];
}

describe('webhook de-duplication outage', () => {
  it('refuses deliveries with 503 while Redis is down; every event is processed exactly once, none lost', async () => {
    upstream.handler = okHandler;
    // Production de-duplication needs Redis to keep what it acknowledged across a restart.
    const redis = await redisServer({ persist: true });
    const instances = await twoInstances(() => ({}), {}, redis.url);
    const streams = instances.map((p) => openStream(p.url));
    await eventually(() => streams.every((s) => s.text().includes('retry:')));

    // The sender: each event to one instance, retried (to the other) until acknowledged, then
    // delivered once more (at least once), as a sender whose acknowledgement got lost would.
    const log: Delivery[] = [];
    const untilAccepted = async (event: WebhookEvent, first: number) => {
      for (let target = first; ; target = 1 - target) {
        const delivery = await deliver(instances[target]?.url ?? '', event, target);
        log.push(delivery);
        if (delivery.status === 200) return target;
        await sleep(100);
      }
    };
    const EVENTS = 40;
    const senders = Array.from({ length: EVENTS }, async (_, i) => {
      await sleep(i * 60);
      const event = webhookEvent(`evt_outage_${i}`, `apt_${i}`);
      const accepted = await untilAccepted(event, i % 2);
      await untilAccepted(event, 1 - accepted);
    });
    await sleep(700);
    const { healthDuring } = await outage(
      redis,
      instances.map((p) => () => p.middleware.health()),
    );
    await Promise.race([
      Promise.all(senders),
      sleep(20_000).then(() => {
        throw new Error('deliveries were not all acknowledged');
      }),
    ]);

    const refused = log.filter((d) => d.status !== 200);
    expect(refused.length).toBeGreaterThan(0);
    for (const d of refused) {
      expect(d.status).toBe(503);
      expect(['STORE_UNAVAILABLE', 'DELIVERY_IN_PROGRESS']).toContain(d.error);
      expect(Number(d.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // Bounded: a claim, a publish and a confirmation, each within the store bound.
    expect(Math.max(...log.map((d) => d.ms))).toBeLessThan(3 * STORE_MS + SLACK_MS);
    expect(healthDuring.every((h) => h.stores.dedupe?.state === 'down')).toBe(true);
    expect(healthDuring[0]?.stores.dedupe?.policy).toBe('refuse-webhooks');

    // Processed exactly once each; every at-least-once repeat recognised.
    for (let i = 0; i < EVENTS; i++) {
      const accepted = log.filter((d) => d.id === `evt_outage_${i}` && d.status === 200);
      expect(
        accepted.map((d) => d.duplicate),
        `evt_outage_${i}`,
      ).toEqual([false, true]);
    }
    // Every change reached the streams of the instance that processed it, once; the other
    // instance's stream has it at most once (or was told to refetch).
    await eventually(() =>
      log
        .filter((d) => d.status === 200 && d.duplicate === false)
        .every((d) => streams[d.instance]?.count(d.id) === 1),
    );
    for (const stream of streams) {
      for (let i = 0; i < EVENTS; i++)
        expect(stream.count(`evt_outage_${i}`)).toBeLessThanOrEqual(1);
      expect(stream.resets()).toBeGreaterThanOrEqual(1);
    }
    // Fully back: a new event reaches both instances' streams.
    const after = webhookEvent('evt_outage_after', 'apt_after');
    expect((await deliver(instances[0].url, after, 0)).status).toBe(200);
    await eventually(() => streams.every((s) => s.count('evt_outage_after') === 1));
  }, 60_000);
});

describe('webhook claims answered after the bound', () => {
  it('releases the late claim; a retry meanwhile is told to come back, then processed once', async () => {
    upstream.handler = okHandler;
    const redis = await redisServer();
    // Instance 0's Redis answers claims late (a slow network): the claim is made, its answer
    // arrives after the bound, when the delivery was already refused.
    const slow = (real: ReturnType<typeof redisStores>['dedupe']) => {
      return {
        dedupe: Object.assign(Object.create(real) as typeof real, {
          claim: async (id: string, ttlMs: number) => {
            const claimed = await real.claim(id, ttlMs);
            await sleep(STORE_MS * 3);
            return claimed;
          },
        }),
      };
    };
    const instances = await twoInstances(
      (stores, client) => (client.options.connectionName === 'slow' ? slow(stores.dedupe) : {}),
      {},
      redis.url,
      ['slow', 'fast'],
    );
    const streams = instances.map((p) => openStream(p.url));
    await eventually(() => streams.every((s) => s.text().includes('retry:')));
    const event = webhookEvent('evt_late_claim', 'apt_late');
    const first = await deliver(instances[0].url, event, 0);
    expect(first).toMatchObject({ status: 503, error: 'STORE_UNAVAILABLE' });
    // The sender retries elsewhere at once: the claim is still in doubt, so not a "repeat".
    const retry = await deliver(instances[1].url, event, 1);
    expect(retry).toMatchObject({ status: 503, error: 'DELIVERY_IN_PROGRESS' });
    // Once the late answer arrived, instance 0 released the claim: the next retry is processed.
    let accepted: Delivery | undefined;
    await eventually(async () => {
      accepted = await deliver(instances[1].url, event, 1);
      return accepted.status === 200;
    }, 5000);
    expect(accepted?.duplicate).toBe(false);
    await eventually(() => streams.every((s) => s.count('evt_late_claim') === 1));
    expect((await deliver(instances[1].url, event, 1)).duplicate).toBe(true);
  }, 30_000);
});

describe('event fan-out outage', () => {
  it('delivers locally while Redis is down, then tells streams to refetch and fans out again', async () => {
    upstream.handler = okHandler;
    const redis = await redisServer();
    // De-duplication in memory here, so deliveries are accepted during the outage and the
    // fan-out's own policy shows.
    const instances = await twoInstances(
      () => ({ dedupe: new MemoryDedupeStore() }),
      RECOMMENDED,
      redis.url,
    );
    const [a, b] = [openStream(instances[0].url), openStream(instances[1].url)];
    await eventually(() => [a, b].every((s) => s.text().includes('retry:')));
    expect((await deliver(instances[0].url, webhookEvent('evt_fan_0', 'apt_f0'), 0)).status).toBe(
      200,
    );
    await eventually(() => a.count('evt_fan_0') === 1 && b.count('evt_fan_0') === 1);

    let during: Delivery | undefined;
    let lateStream: ReturnType<typeof openStream> | undefined;
    const { healthDuring } = await outage(
      redis,
      instances.map((p) => () => p.middleware.health()),
      async () => {
        during = await deliver(instances[0].url, webhookEvent('evt_fan_1', 'apt_f1'), 0);
        // A browser opening its stream during the outage is served at once.
        lateStream = openStream(instances[0].url);
        await eventually(() => lateStream?.text().includes('retry:') === true, 5000);
      },
    );
    expect(during?.status).toBe(200);
    expect(during?.ms).toBeLessThan(STORE_MS + SLACK_MS);
    expect(lateStream?.firstByteMs()).toBeLessThan(STORE_MS + SLACK_MS);
    // The receiving instance's stream got the change during the outage.
    expect(a.count('evt_fan_1')).toBe(1);
    expect(healthDuring[0]?.stores.bus).toMatchObject({ state: 'down', policy: 'local-delivery' });
    expect(healthDuring[0]?.status).toBe('degraded');

    // Back: streams on both instances are told to refetch, then changes fan out again.
    await eventually(() => a.resets() >= 1 && b.resets() >= 1);
    expect((await deliver(instances[1].url, webhookEvent('evt_fan_2', 'apt_f2'), 1)).status).toBe(
      200,
    );
    await eventually(() => [a, b, lateStream].every((s) => s?.count('evt_fan_2') === 1));
    expect(a.count('evt_fan_1')).toBe(1);
    expect(b.count('evt_fan_1')).toBeLessThanOrEqual(1);
  }, 40_000);
});
