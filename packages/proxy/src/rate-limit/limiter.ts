import { isIPv4, isIPv6 } from 'node:net';
import { type StoreGuard, StoreUnavailableError } from '../stores/guard.js';
import type { RateLimitStore } from './store.js';

/** The outcome of counting one request. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number;
}

/** The store failed, timed out or is down: the outage policy decides. */
export interface RateLimitUnavailable {
  unavailable: true;
  /** Whole seconds until the store is tried again (at least 1). */
  retryAfterSeconds: number;
}

export interface Limiter {
  check(key: string): Promise<RateLimitDecision | RateLimitUnavailable>;
}

export function createLimiter(options: {
  limit: number;
  windowMs: number;
  store: RateLimitStore;
  /** Bounds every store call; without one, calls are awaited as they are. */
  guard?: StoreGuard;
  now?: () => number;
}): Limiter {
  const { limit, windowMs, store, guard } = options;
  const now = options.now ?? Date.now;
  store.init?.({ windowMs });
  return {
    async check(key) {
      let counted: Awaited<ReturnType<RateLimitStore['increment']>>;
      try {
        counted = guard ? await guard.run(() => store.increment(key)) : await store.increment(key);
      } catch (error) {
        if (error instanceof StoreUnavailableError) {
          return { unavailable: true, retryAfterSeconds: error.retryAfterSeconds };
        }
        throw error;
      }
      const { totalHits, resetTime } = counted;
      const resetSeconds = Math.max(1, Math.ceil((resetTime.getTime() - now()) / 1000));
      return {
        allowed: totalHits <= limit,
        limit,
        remaining: Math.max(0, limit - totalHits),
        resetSeconds,
      };
    },
  };
}

/** IETF draft `RateLimit-*` headers (the per-user limit of this proxy). */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'ratelimit-limit': String(decision.limit),
    'ratelimit-remaining': String(decision.remaining),
    'ratelimit-reset': String(decision.resetSeconds),
  };
}

/**
 * The contract's `X-RateLimit-*` names, used only on responses the proxy produces itself: on
 * forwarded responses they carry the upstream's organisation-wide numbers.
 */
export function legacyRateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  return {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(decision.resetSeconds),
  };
}

/**
 * The bucket failed sign-ins of an address count against: the address itself for IPv4, its /64
 * for IPv6 (one subscriber or host usually holds a whole /64, so each address in it must not get
 * a fresh budget). IPv4-mapped IPv6 addresses count as their IPv4 address.
 */
export function addressBucket(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1] && isIPv4(mapped[1])) return mapped[1];
  if (isIPv4(address)) return address;
  const zoneless = address.split('%')[0] ?? '';
  if (!isIPv6(zoneless)) return 'unknown';
  return `${expandIPv6(zoneless).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lower-case, without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part stands for the last two groups.
  const v4 = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
