import { isChangeNotice } from '@clinikapi/core';
import type { Redis } from 'ioredis';
import type { ChangeNotice, DedupeStore, EventBus } from '../events/types.js';
import type { IncrementResult, RateLimitStore } from '../rate-limit/store.js';

export interface RedisStoreOptions {
  /** A connected ioredis client (the app owns it and closes it). */
  client: Redis;
  /** Prefix of every key and channel, so several apps can share one Redis. Defaults to `clinik:`. */
  prefix?: string;
}

// INCR and, on the first hit of a window, PEXPIRE, atomically; returns hits and ms left.
const INCREMENT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { hits, ttl }
`;

/** Fixed-window rate-limit counters shared by every proxy instance using the same Redis. */
export class RedisRateLimitStore implements RateLimitStore {
  private windowMs = 60_000;
  private readonly prefix: string;

  constructor(private readonly options: RedisStoreOptions) {
    this.prefix = `${options.prefix ?? 'clinik:'}rl:`;
  }

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResult> {
    const [hits, ttl] = (await this.options.client.eval(
      INCREMENT_SCRIPT,
      1,
      this.prefix + key,
      String(this.windowMs),
    )) as [number, number];
    return { totalHits: hits, resetTime: new Date(Date.now() + ttl) };
  }

  async decrement(key: string): Promise<void> {
    await this.options.client.decr(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await this.options.client.del(this.prefix + key);
  }
}

/** Webhook event ids, claimed with `SET NX PX` so only one instance processes a delivery. */
export class RedisDedupeStore implements DedupeStore {
  private readonly prefix: string;

  constructor(private readonly options: RedisStoreOptions) {
    this.prefix = `${options.prefix ?? 'clinik:'}evt:`;
  }

  async claim(id: string, ttlMs: number): Promise<boolean> {
    return (await this.options.client.set(this.prefix + id, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async release(id: string): Promise<void> {
    await this.options.client.del(this.prefix + id);
  }
}

/**
 * Fan-out through Redis pub/sub: a notice received by one instance reaches browsers connected to
 * every instance. Subscribing needs a connection of its own, duplicated from `client`.
 */
export class RedisEventBus implements EventBus {
  private readonly channel: string;
  private subscriber: Redis | undefined;
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();

  constructor(private readonly options: RedisStoreOptions) {
    this.channel = `${options.prefix ?? 'clinik:'}events`;
  }

  async publish(notice: ChangeNotice): Promise<void> {
    await this.options.client.publish(this.channel, JSON.stringify(notice));
  }

  async subscribe(listener: (notice: ChangeNotice) => void): Promise<() => void> {
    if (!this.subscriber) {
      const subscriber = this.options.client.duplicate();
      subscriber.on('message', (channel: string, message: string) => {
        if (channel !== this.channel) return;
        let notice: unknown;
        try {
          notice = JSON.parse(message);
        } catch {
          return;
        }
        if (!isChangeNotice(notice)) return;
        for (const l of this.listeners) l(notice);
      });
      await subscriber.subscribe(this.channel);
      this.subscriber = subscriber;
    }
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }
}

/** The three Redis-backed stores on one client. */
export function redisStores(options: RedisStoreOptions) {
  return {
    rateLimit: new RedisRateLimitStore(options),
    dedupe: new RedisDedupeStore(options),
    bus: new RedisEventBus(options),
  };
}
