import { createServer, type Socket } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../test/outage.js';
import { startRedisServer, type TestRedis } from '../test/redis-server.js';
import { RedisNotConnectedError, redisStores } from './redis.js';

// The stores refuse commands at once while the client reconnects (a command would wait in the
// offline queue and run after the outage), but never during the client's first connection.
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function redisServer() {
  const redis = await startRedisServer();
  cleanup.push(() => redis.stop());
  return redis;
}

function client(url: string, options: RedisOptions = {}) {
  const c = new Redis(url, options);
  c.on('error', () => {});
  cleanup.push(() => c.disconnect());
  return c;
}

/** A server on `port` that accepts connections and never answers (a hung Redis). */
async function hungServer(port: number) {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  cleanup.push(close);
  return close;
}

/** Settles within `ms`: the outcome, or 'pending'. */
async function within<T>(promise: Promise<T>, ms: number) {
  return Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

async function dropAndReconnect(redis: TestRedis, c: Redis) {
  await redis.kill();
  await eventually(() => c.status === 'reconnecting', 5000);
}

describe('Redis stores during the first connection', () => {
  it('send commands of a lazy client (status wait), which connects on the first one', async () => {
    const redis = await redisServer();
    const c = client(redis.url, { lazyConnect: true });
    const { rateLimit, dedupe } = redisStores({ client: c, prefix: 'wait:' });
    expect(c.status).toBe('wait');
    expect((await rateLimit.increment('user_1')).totalHits).toBe(1);
    expect(await dedupe.claim('evt_1', 60_000)).toBe(true);
    expect(c.status).toBe('ready');
  });

  it('send commands of a client still connecting (they wait for the connection)', async () => {
    const redis = await redisServer();
    const c = client(redis.url);
    const { rateLimit, bus } = redisStores({ client: c, prefix: 'connecting:' });
    expect(c.status).toBe('connecting');
    const [hits] = await Promise.all([rateLimit.increment('user_1'), bus.ping()]);
    expect(hits.totalHits).toBe(1);
  });

  it('let a first connection to a server that has not answered yet wait (the proxy bounds it)', async () => {
    const redis = await redisServer();
    await redis.kill();
    await hungServer(redis.port);
    const c = client(redis.url);
    const { rateLimit } = redisStores({ client: c, prefix: 'hung:' });
    await eventually(() => c.status === 'connect', 5000);
    expect(await within(rateLimit.increment('user_1'), 200)).toBe('pending');
  });
});

describe('Redis stores while the client reconnects', () => {
  it('refuse at once with RedisNotConnectedError; nothing queued runs after the outage', async () => {
    const redis = await redisServer();
    // ioredis defaults: an offline queue and 20 retries per request, which would hold the command.
    const c = client(redis.url);
    const { rateLimit, dedupe, bus } = redisStores({ client: c, prefix: 'down:' });
    rateLimit.init({ windowMs: 60_000 });
    expect((await rateLimit.increment('user_1')).totalHits).toBe(1);
    await dropAndReconnect(redis, c);

    for (const call of [
      (): Promise<unknown> => rateLimit.increment('user_1'),
      () => dedupe.claim('evt_1', 60_000),
      () => bus.publishReset(),
      () => bus.ping(),
    ]) {
      const outcome = await within(call(), 50);
      expect(outcome).toMatchObject({ error: expect.any(RedisNotConnectedError) });
      expect((outcome as { error: RedisNotConnectedError }).error.code).toBe(
        'ERR_CLINIK_REDIS_NOT_CONNECTED',
      );
    }

    await redis.restart();
    await eventually(() => c.status === 'ready', 10_000);
    // The refused increment never ran: the restarted (empty) server counts this hit as the first.
    expect((await rateLimit.increment('user_1')).totalHits).toBe(1);
    expect(await dedupe.claim('evt_1', 60_000)).toBe(true);
  });

  it('refuse during a reconnection attempt that has connected but not answered (status connect)', async () => {
    const redis = await redisServer();
    const c = client(redis.url);
    const { rateLimit } = redisStores({ client: c, prefix: 'retry:' });
    await eventually(() => c.status === 'ready', 5000);
    await dropAndReconnect(redis, c);
    const closeHung = await hungServer(redis.port);
    await eventually(() => c.status === 'connect', 5000);
    expect(await within(rateLimit.increment('user_1'), 50)).toMatchObject({
      error: expect.any(RedisNotConnectedError),
    });

    await closeHung();
    await redis.restart();
    await eventually(() => c.status === 'ready', 10_000);
    expect((await rateLimit.increment('user_1')).totalHits).toBe(1);
  });
});
