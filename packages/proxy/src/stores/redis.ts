import { randomUUID } from 'node:crypto';
import { isChangeNotice } from '@clinikapi/core';
import type { Redis } from 'ioredis';
import type {
  BusSignal,
  ChangeNotice,
  ClaimResult,
  DedupeStore,
  EventBus,
} from '../events/types.js';
import type { IncrementResult, RateLimitStore } from '../rate-limit/store.js';
import { connected, trackConnection } from './connection.js';

export { RedisNotConnectedError } from './connection.js';

export interface RedisStoreOptions {
  /**
   * An ioredis client (the app owns it and closes it). The proxy bounds every call itself
   * (`timeouts.storeMs`); `enableOfflineQueue: false` and `maxRetriesPerRequest: 1` keep commands
   * from waiting in the client during an outage and running after it (see the README).
   */
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
    trackConnection(options.client);
  }

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResult> {
    const [hits, ttl] = (await connected(this.options.client).eval(
      INCREMENT_SCRIPT,
      1,
      this.prefix + key,
      String(this.windowMs),
    )) as [number, number];
    return { totalHits: hits, resetTime: new Date(Date.now() + ttl) };
  }

  async decrement(key: string): Promise<void> {
    await connected(this.options.client).decr(this.prefix + key);
  }

  async resetKey(key: string): Promise<void> {
    await connected(this.options.client).del(this.prefix + key);
  }

  async ping(): Promise<void> {
    await connected(this.options.client).ping();
  }
}

// A claim is `p:<token>` until confirmed (`done`). The same token again is this claim resent by
// the client after a reconnect (its first answer was lost): it is still ours.
const CLAIM_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then return 1 end
if not v then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if string.sub(v, 1, 2) == 'p:' then return 2 end
return 0
`;

/**
 * Webhook event ids, claimed atomically so only one instance processes a delivery: first as
 * pending for a short lease, then confirmed for the full time once the change is published.
 */
export class RedisDedupeStore implements DedupeStore {
  private readonly prefix: string;

  constructor(private readonly options: RedisStoreOptions) {
    this.prefix = `${options.prefix ?? 'clinik:'}evt:`;
    trackConnection(options.client);
  }

  async claim(id: string, ttlMs: number): Promise<ClaimResult> {
    const token = `p:${randomUUID()}`;
    const found = await connected(this.options.client).eval(
      CLAIM_SCRIPT,
      1,
      this.prefix + id,
      token,
      String(ttlMs),
    );
    return found === 1 ? true : found === 2 ? 'pending' : false;
  }

  /** Marks a claim done, remembered for `ttlMs`, once its change is published. */
  async confirm(id: string, ttlMs: number): Promise<void> {
    await connected(this.options.client).set(this.prefix + id, 'done', 'PX', ttlMs);
  }

  async release(id: string): Promise<void> {
    await connected(this.options.client).del(this.prefix + id);
  }

  async ping(): Promise<void> {
    await connected(this.options.client).ping();
  }
}

/**
 * Fan-out through Redis pub/sub: a notice received by one instance reaches browsers connected to
 * every instance. Subscribing needs a connection of its own, duplicated from `client`; its drops
 * and returns are reported to `watch` listeners (ioredis resubscribes by itself on reconnect).
 */
export class RedisEventBus implements EventBus {
  private readonly channel: string;
  private subscriber: Redis | undefined;
  private subscribing: Promise<void> | undefined;
  /** The channel was subscribed once: later `ready` events are reconnections. */
  private subscribed = false;
  private closed = false;
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();
  private readonly watchers = new Set<(signal: BusSignal) => void>();

  constructor(private readonly options: RedisStoreOptions) {
    this.channel = `${options.prefix ?? 'clinik:'}events`;
    trackConnection(options.client);
  }

  async publish(notice: ChangeNotice): Promise<void> {
    await connected(this.options.client).publish(this.channel, JSON.stringify(notice));
  }

  /** Tells every instance's streams to refetch (their `watch` listeners get `'reset'`). */
  async publishReset(): Promise<void> {
    await connected(this.options.client).publish(this.channel, RESET_MESSAGE);
  }

  async ping(): Promise<void> {
    await connected(this.options.client).ping();
  }

  /**
   * Adds a listener and subscribes the channel (once; a failed attempt is retried by the next
   * call). Resolves when Redis confirmed the subscription.
   */
  async subscribe(listener: (notice: ChangeNotice) => void): Promise<() => void> {
    this.listeners.add(listener);
    try {
      await this.connect();
    } catch (error) {
      this.listeners.delete(listener);
      throw error;
    }
    return () => this.listeners.delete(listener);
  }

  watch(listener: (signal: BusSignal) => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    this.watchers.clear();
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber) await subscriber.quit().catch(() => subscriber.disconnect());
  }

  private connect(): Promise<void> {
    if (!this.subscriber) {
      const subscriber = this.options.client.duplicate();
      subscriber.on('message', (channel: string, message: string) =>
        this.receive(channel, message),
      );
      // Connection errors are reported as 'close' below and by the proxy's guard; without a
      // listener ioredis would print each reconnection failure (with addresses) to the console.
      subscriber.on('error', () => {});
      subscriber.on('close', () => {
        if (this.subscribed && !this.closed) this.signal('down');
      });
      subscriber.on('ready', () => {
        if (!this.subscribed || this.closed) return;
        // ioredis resubscribes on reconnect; this SUBSCRIBE's reply confirms it is in effect.
        subscriber.subscribe(this.channel).then(
          () => this.signal('up'),
          () => {},
        );
      });
      this.subscriber = subscriber;
    }
    const subscriber = this.subscriber;
    // A new connection is still connecting: wait for it (a client without an offline queue would
    // refuse the command), however long Redis takes; the proxy bounds the wait on its side.
    if (this.subscribing) return this.subscribing;
    const ready =
      subscriber.status === 'ready'
        ? Promise.resolve()
        : new Promise<void>((resolve) => subscriber.once('ready', () => resolve()));
    this.subscribing = ready
      .then(() => subscriber.subscribe(this.channel))
      .then(
        () => {
          this.subscribed = true;
        },
        (error: unknown) => {
          this.subscribing = undefined;
          throw error;
        },
      );
    return this.subscribing;
  }

  private receive(channel: string, message: string): void {
    if (channel !== this.channel) return;
    if (message === RESET_MESSAGE) {
      this.signal('reset');
      return;
    }
    let notice: unknown;
    try {
      notice = JSON.parse(message);
    } catch {
      return;
    }
    if (!isChangeNotice(notice)) return;
    for (const l of this.listeners) l(notice);
  }

  private signal(signal: BusSignal): void {
    for (const watcher of this.watchers) watcher(signal);
  }
}

/** Not a change notice (older instances ignore it): every stream should tell clients to refetch. */
const RESET_MESSAGE = '{"clinikReset":true}';

/** The three Redis-backed stores on one client. */
export function redisStores(options: RedisStoreOptions) {
  return {
    rateLimit: new RedisRateLimitStore(options),
    dedupe: new RedisDedupeStore(options),
    bus: new RedisEventBus(options),
  };
}
