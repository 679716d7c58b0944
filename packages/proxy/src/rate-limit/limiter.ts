import type { RateLimitStore } from './store.js';

/** The outcome of counting one request. */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number;
}

export interface Limiter {
  check(key: string): Promise<RateLimitDecision>;
}

export function createLimiter(options: {
  limit: number;
  windowMs: number;
  store: RateLimitStore;
  now?: () => number;
}): Limiter {
  const { limit, windowMs, store } = options;
  const now = options.now ?? Date.now;
  store.init?.({ windowMs });
  return {
    async check(key) {
      const { totalHits, resetTime } = await store.increment(key);
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
