/** Counter state of one key after an increment. */
export interface IncrementResult {
  /** Hits in the current window, including this one. */
  totalHits: number;
  /** When the current window ends. */
  resetTime: Date;
}

/**
 * Where rate-limit counters live (the express-rate-limit `Store` shape). Methods may answer
 * synchronously or with a promise, so a Redis store can implement the same interface.
 */
export interface RateLimitStore {
  /** Called once by the proxy with the window length before the first increment. */
  init?(options: { windowMs: number }): void;
  /** Counts one hit for `key` and returns the window's state. */
  increment(key: string): Promise<IncrementResult> | IncrementResult;
  /** Removes one hit (e.g. for a request that should not count). */
  decrement(key: string): Promise<void> | void;
  /** Forgets `key`. */
  resetKey(key: string): Promise<void> | void;
  /** Releases timers or connections. */
  shutdown?(): Promise<void> | void;
  /** Optional: succeeds when the backing service answers (readiness checks, outage probes). */
  ping?(): Promise<void> | void;
}

interface Window {
  hits: number;
  resetAt: number;
}

/** Fixed-window counters in process memory; fine for one server process. */
export class MemoryStore implements RateLimitStore {
  private windowMs = 60_000;
  private readonly windows = new Map<string, Window>();
  private sweeper: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;

  /** `now` is injectable for tests. Defaults to `Date.now`. */
  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
    if (this.sweeper) clearInterval(this.sweeper);
    // Expired windows are dropped periodically so memory stays bounded by active users.
    this.sweeper = setInterval(() => this.sweep(), Math.max(1000, this.windowMs));
    this.sweeper.unref();
  }

  increment(key: string): IncrementResult {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { hits: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.hits++;
    return { totalHits: window.hits, resetTime: new Date(window.resetAt) };
  }

  decrement(key: string): void {
    const window = this.windows.get(key);
    if (window && window.hits > 0) window.hits--;
  }

  resetKey(key: string): void {
    this.windows.delete(key);
  }

  shutdown(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
