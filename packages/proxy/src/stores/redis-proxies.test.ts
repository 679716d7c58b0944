import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, startUpstream } from '../test/fake-upstream.js';
import { startRedisServer } from '../test/redis-server.js';
import { startProxy } from '../test/setup-proxy.js';
import { redisStores } from './redis.js';

// Two proxy instances behind a load balancer, sharing one Redis.
let redis: Awaited<ReturnType<typeof startRedisServer>>;
let upstream: FakeUpstream;
const clients: Redis[] = [];
let instances: Array<Awaited<ReturnType<typeof startProxy>>>;

beforeAll(async () => {
  redis = await startRedisServer();
  upstream = await startUpstream();
  const prefix = `shared${Date.now()}:`;
  instances = [];
  for (let i = 0; i < 2; i++) {
    const client = new Redis(redis.url);
    clients.push(client);
    instances.push(
      await startProxy(upstream.url, {
        rateLimit: {
          limit: 10,
          windowMs: 60_000,
          store: redisStores({ client, prefix }).rateLimit,
        },
      }),
    );
  }
}, 30_000);

afterAll(async () => {
  for (const instance of instances ?? []) await instance.close();
  for (const client of clients) client.disconnect();
  await upstream?.close();
  await redis?.stop();
});

describe('rate limits shared through Redis', () => {
  it('hold one user to one limit across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const instance = instances[i % 2];
      const response = await fetch(`${instance?.url}/api/clinik/v1/patients`, {
        headers: { 'x-test-user': 'nurse_1' },
      });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
    // Another user has a budget of their own.
    const other = await fetch(`${instances[1]?.url}/api/clinik/v1/patients`, {
      headers: { 'x-test-user': 'nurse_2' },
    });
    expect(other.status).toBe(200);
  });
});
