import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeUpstream, okHandler, startUpstream } from '../test/fake-upstream.js';
import { send } from '../test/http.js';
import { asUser, startProxy } from '../test/setup-proxy.js';
import { createLimiter } from './limiter.js';
import { MemoryStore } from './store.js';

describe('MemoryStore', () => {
  it('counts per key in fixed windows', () => {
    let now = 1_000;
    const store = new MemoryStore({ now: () => now });
    store.init({ windowMs: 60_000 });
    expect(store.increment('a').totalHits).toBe(1);
    expect(store.increment('a').totalHits).toBe(2);
    expect(store.increment('b').totalHits).toBe(1);
    store.decrement('a');
    expect(store.increment('a')).toEqual({ totalHits: 2, resetTime: new Date(61_000) });
    now = 61_000;
    expect(store.increment('a').totalHits).toBe(1);
    store.resetKey('a');
    expect(store.increment('a').totalHits).toBe(1);
    store.shutdown();
  });

  it('reports remaining and reset seconds through the limiter', async () => {
    const now = 0;
    const store = new MemoryStore({ now: () => now });
    const limiter = createLimiter({ limit: 2, windowMs: 10_000, store, now: () => now });
    expect(await limiter.check('u')).toEqual({
      allowed: true,
      limit: 2,
      remaining: 1,
      resetSeconds: 10,
    });
    await limiter.check('u');
    expect(await limiter.check('u')).toMatchObject({ allowed: false, remaining: 0 });
    store.shutdown();
  });
});

describe('per-user rate limit', () => {
  let upstream: FakeUpstream;
  let proxy: Awaited<ReturnType<typeof startProxy>>;

  beforeAll(async () => {
    upstream = await startUpstream();
    upstream.handler = okHandler;
    proxy = await startProxy(upstream.url, { rateLimit: { limit: 2, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('sends RateLimit headers and answers 429 with Retry-After per user', async () => {
    const first = await send(proxy.url, '/api/clinik/v1/patients', { headers: asUser('rl_1') });
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-limit']).toBe('2');
    expect(first.headers['ratelimit-remaining']).toBe('1');
    await send(proxy.url, '/api/clinik/v1/patients', { headers: asUser('rl_1') });
    const limited = await send(proxy.url, '/api/clinik/v1/patients', { headers: asUser('rl_1') });
    expect(limited.status).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'RATE_LIMITED', code: '429' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-limit']).toBe('2');
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(upstream.seen).toHaveLength(2);
    const otherUser = await send(proxy.url, '/api/clinik/v1/patients', { headers: asUser('rl_2') });
    expect(otherUser.status).toBe(200);
  });

  it('limits failed sign-ins per client address without touching signed-in users', async () => {
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await send(proxy.url, '/api/clinik/v1/patients'));
    expect(replies.map((r) => r.status)).toEqual([401, 401, 429, 429]);
    // A 401 carries the address's budget too, counting down to the 429.
    expect(replies.map((r) => r.headers['ratelimit-remaining'])).toEqual(['1', '0', '0', '0']);
    expect(replies[0]?.headers['ratelimit-limit']).toBe('2');
    expect(Number(replies[0]?.headers['ratelimit-reset'])).toBeGreaterThan(0);
    const signedIn = await send(proxy.url, '/api/clinik/v1/patients', { headers: asUser('rl_3') });
    expect(signedIn.status).toBe(200);
  });
});
