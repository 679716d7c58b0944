// Redis outage under load: a real redis-server is killed (SIGKILL) while requests flow through the
// proxy, started again, and the latency distribution and status counts are printed per phase (up,
// down, recovering, back): as the clients saw it, as the proxy measured it (audit durationMs), and
// this process's event-loop delay (clients and proxies share it). Scenarios: rate limits failing
// open with ioredis defaults and with the README's recommended client options, failing closed, and
// webhook deliveries to two instances sharing Redis (de-duplication and fan-out). Loopback only.
//
//   pnpm --filter @clinikapi/proxy bench:outage [-- --concurrency 16 --up 3 --down 5 --back 3 --store-ms 500]
import { parseArgs } from 'node:util';
import { signWebhook, type WebhookEvent } from '@clinikapi/core';
import { Redis, type RedisOptions } from 'ioredis';
import { redisStores } from '../src/stores/redis.js';
import { type FakeUpstream, okHandler, startUpstream } from '../src/test/fake-upstream.js';
import { send } from '../src/test/http.js';
import { eventually, sleep, startLoad } from '../src/test/outage.js';
import { startRedisServer, type TestRedis } from '../src/test/redis-server.js';
import { asUser, startProxy } from '../src/test/setup-proxy.js';
import type { ProxyHealth } from '../src/types.js';
import { loopDelay, report, type Timed, type Timeline } from './outage-report.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'), // pnpm passes a literal `--` through
  options: {
    concurrency: { type: 'string', default: '16' },
    up: { type: 'string', default: '3' },
    down: { type: 'string', default: '5' },
    back: { type: 'string', default: '3' },
    'store-ms': { type: 'string', default: '500' },
    'upstream-ms': { type: 'string', default: '10' },
    'webhook-rate': { type: 'string', default: '50' },
    only: { type: 'string', default: 'open,open-recommended,closed,webhooks' },
  },
});
const CONCURRENCY = Number(values.concurrency);
const UP_MS = Number(values.up) * 1000;
const DOWN_MS = Number(values.down) * 1000;
const BACK_MS = Number(values.back) * 1000;
const STORE_MS = Number(values['store-ms']);
const UPSTREAM_MS = Number(values['upstream-ms']);
const WEBHOOK_RATE = Number(values['webhook-rate']);
const SECRET = 'whsec_outage_bench';
const ONLY = new Set(values.only.split(','));
const RECOMMENDED: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 1 };

async function client(url: string, options: RedisOptions) {
  const redis = new Redis(url, options);
  redis.on('error', () => {});
  if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  return redis;
}

/** Kills redis-server, waits DOWN_MS, restarts it and waits until every health() says ok. */
async function outage(
  redis: TestRedis,
  health: (() => Promise<ProxyHealth>)[],
  loop: ReturnType<typeof loopDelay>,
): Promise<Timeline> {
  loop.end('up');
  const killAt = performance.now();
  await redis.kill();
  const deadAt = performance.now();
  await sleep(DOWN_MS);
  loop.end('down');
  const restartAt = performance.now();
  await redis.restart();
  await eventually(
    async () => (await Promise.all(health.map((h) => h()))).every((r) => r.status === 'ok'),
    30_000,
  );
  loop.end('recovering');
  return { killAt, deadAt, restartAt, recoveredAt: performance.now() };
}

async function rateLimitScenario(
  title: string,
  upstream: FakeUpstream,
  options: { client: RedisOptions; storeFailure?: 'open' | 'closed' },
) {
  const redis = await startRedisServer();
  const redisClient = await client(redis.url, options.client);
  const proxy = await startProxy(upstream.url, {
    rateLimit: {
      limit: 1_000_000,
      store: redisStores({ client: redisClient, prefix: 'bench:' }).rateLimit,
      storeFailure: options.storeFailure ?? 'open',
    },
    timeouts: { storeMs: STORE_MS },
  });
  const load = startLoad({
    url: proxy.url,
    concurrency: CONCURRENCY,
    timeoutMs: 30_000,
    next: (n) => ({ path: '/api/clinik/v1/patients', headers: asUser(`user_${n % 50}`) }),
  });
  const loop = loopDelay();
  await sleep(UP_MS);
  const timeline = await outage(redis, [() => proxy.middleware.health()], loop);
  await sleep(BACK_MS);
  await load.stop();
  loop.end('back');
  loop.stop();
  const samples: Timed[] = load.samples.map((s) => ({
    ...s,
    requestId: String(s.headers['x-request-id'] ?? ''),
  }));
  report(title, samples, timeline, proxy.audit.events, loop);
  const warnings = proxy.log.lines.filter((l) => l.level === 'warn');
  console.log(
    `  log: ${warnings.length} warning(s) (${warnings.map((w) => `${w.store}: ${w.errorClass}`).join(', ')}); unlimited requests in audit: ${proxy.audit.events.filter((e) => e.unlimited).length}`,
  );
  await proxy.close();
  redisClient.disconnect();
  await redis.stop();
}

async function webhookScenario(upstream: FakeUpstream) {
  const redis = await startRedisServer({ persist: true });
  const clients: Redis[] = [];
  const buses: ReturnType<typeof redisStores>['bus'][] = [];
  const instances = [];
  for (let i = 0; i < 2; i++) {
    const c = await client(redis.url, {});
    clients.push(c);
    const stores = redisStores({ client: c, prefix: 'benchev:' });
    buses.push(stores.bus);
    instances.push(
      await startProxy(upstream.url, {
        events: { webhookSecret: SECRET, heartbeatMs: 60_000, store: stores },
        timeouts: { storeMs: STORE_MS },
      }),
    );
  }
  const deliveries: (Timed & { id: string; duplicate: unknown })[] = [];
  let running = true;
  const senders: Promise<void>[] = [];
  // A sender delivering WEBHOOK_RATE new events a second, each retried (1 s apart, to the other
  // instance) until acknowledged.
  const ticker = (async () => {
    for (let i = 0; running; i++) {
      const event: WebhookEvent = {
        id: `evt_bench_${i}`,
        event: 'appointment.updated',
        timestamp: new Date().toISOString(),
        data: {
          resourceType: 'appointment',
          resourceId: `apt_${i}`,
          action: 'updated',
          tenantId: 'org',
          environment: 'test',
        },
      };
      senders.push(
        (async () => {
          for (let target = i % 2; ; target = 1 - target) {
            const { body, headers } = await signWebhook({ payload: event, secret: SECRET });
            const start = performance.now();
            const res = await send(instances[target]?.url ?? '', '/api/clinik/webhooks', {
              method: 'POST',
              headers,
              body,
            });
            const end = performance.now();
            deliveries.push({
              start,
              end,
              ms: end - start,
              status: res.status,
              requestId: String(res.headers['x-request-id'] ?? ''),
              id: event.id,
              duplicate: res.json().duplicate,
            });
            if (res.status === 200) return;
            await sleep(1000);
          }
        })(),
      );
      await sleep(1000 / WEBHOOK_RATE);
    }
  })();
  const loop = loopDelay();
  await sleep(UP_MS);
  const timeline = await outage(
    redis,
    instances.map((p) => () => p.middleware.health()),
    loop,
  );
  await sleep(BACK_MS);
  running = false;
  await ticker;
  await Promise.all(senders);
  loop.end('back');
  loop.stop();
  report(
    `Webhooks, two instances sharing Redis (${WEBHOOK_RATE}/s, sender retries after 1 s)`,
    deliveries,
    timeline,
    instances.flatMap((p) => p.audit.events),
    loop,
  );
  const processed = new Map<string, number>();
  for (const d of deliveries) {
    if (d.status === 200 && d.duplicate === false)
      processed.set(d.id, (processed.get(d.id) ?? 0) + 1);
  }
  const events = new Set(deliveries.map((d) => d.id));
  console.log(
    `  events: ${events.size}, processed once: ${[...processed.values()].filter((n) => n === 1).length}, processed twice or more: ${[...processed.values()].filter((n) => n > 1).length}, lost: ${[...events].filter((id) => !processed.has(id)).length}`,
  );
  if (process.env.BENCH_DEBUG) {
    for (const d of deliveries.filter((d) => d.ms > STORE_MS * 0.8)) {
      console.log(
        `  slow: ${Math.round(d.ms)} ms, started ${Math.round(d.start - timeline.killAt)} ms after the kill, ${d.status}`,
      );
    }
  }
  for (const p of instances) await p.close();
  for (const b of buses) await b.close();
  for (const c of clients) c.disconnect();
  await redis.stop();
}

const upstream = await startUpstream();
upstream.handler = (req, res, raw) => setTimeout(() => okHandler(req, res, raw), UPSTREAM_MS);
console.log(
  `Redis killed for ${DOWN_MS / 1000} s under ${CONCURRENCY} concurrent clients; timeouts.storeMs ${STORE_MS}, upstream ${UPSTREAM_MS} ms.`,
);
if (ONLY.has('open')) {
  await rateLimitScenario('Rate limits, fail open (default), ioredis defaults', upstream, {
    client: {},
  });
}
if (ONLY.has('open-recommended')) {
  await rateLimitScenario(
    'Rate limits, fail open (default), recommended client options',
    upstream,
    {
      client: RECOMMENDED,
    },
  );
}
if (ONLY.has('closed')) {
  await rateLimitScenario(
    "Rate limits, storeFailure: 'closed', recommended client options",
    upstream,
    {
      client: RECOMMENDED,
      storeFailure: 'closed',
    },
  );
}
if (ONLY.has('webhooks')) {
  upstream.handler = okHandler;
  await webhookScenario(upstream);
}
await upstream.close();
