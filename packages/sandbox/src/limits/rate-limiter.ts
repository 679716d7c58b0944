import type { RateLimitState } from '../http/context.js';

/** Exact rolling-window limiter, per organization, in this process's memory. */
export class RollingWindowLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one request for `key` if under `limit`; returns the state and whether it was allowed. */
  hit(key: string, limit: number): RateLimitState & { allowed: boolean } {
    const now = this.now();
    const since = now - this.windowMs;
    let hits = this.#hits.get(key);
    if (!hits) {
      hits = [];
      this.#hits.set(key, hits);
    }
    let expired = 0;
    while (expired < hits.length && (hits[expired] ?? 0) <= since) expired++;
    if (expired > 0) hits.splice(0, expired);

    const allowed = hits.length < limit;
    if (allowed) hits.push(now);
    const oldest = hits[0] ?? now;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - hits.length),
      reset: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)),
    };
  }
}
