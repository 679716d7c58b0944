import { describeError } from '../errors.js';
import type { ProxyLogger, StoreHealth, StoreName, StorePolicy } from '../types.js';

/**
 * While a store is down, at most one probe per this many milliseconds decides whether it is back
 * (every other call fails at once and its policy applies).
 */
export const STORE_PROBE_MS = 1000;

/** A store call that took longer than the proxy's own bound (`timeouts.storeMs`). */
export class StoreTimeoutError extends Error {
  override name = 'StoreTimeoutError';
  readonly code = 'ERR_CLINIK_STORE_TIMEOUT';

  constructor(timeoutMs: number) {
    super(`The store did not answer within ${timeoutMs} ms`);
  }
}

/** What a guarded call throws when the store failed, timed out or is known to be down. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  readonly code = 'ERR_CLINIK_STORE_UNAVAILABLE';

  constructor(
    readonly store: StoreName,
    /** Whole seconds until the store is tried again (at least 1): the `Retry-After` to send. */
    readonly retryAfterSeconds: number,
  ) {
    super(`The ${store} store is unavailable`);
  }
}

export interface StoreGuardOptions {
  store: StoreName;
  policy: StorePolicy;
  /** The bound of each call, whatever the client library's retry and queue settings. */
  timeoutMs: number;
  /** Interval between probes while down. Defaults to {@link STORE_PROBE_MS}. */
  probeMs?: number;
  /**
   * A cheap call that succeeds when the store works (`PING`). Used by `check()` and, while down,
   * in the background, so no request has to be the probe. Without it the next real call after
   * the interval is the probe.
   */
  probe?: (() => unknown) | undefined;
  logger: ProxyLogger | undefined;
  /** Called when the store comes back after an outage. */
  onRecover?: () => void;
  now?: () => number;
}

const POLICY_TEXT: Record<StorePolicy, string> = {
  'fail-open': 'requests proceed without a rate limit until it is back',
  'fail-closed': 'requests are refused with 503 until it is back',
  'refuse-webhooks':
    'webhook deliveries are refused with 503 (the sender retries) until it is back',
  'local-delivery':
    'changes reach only streams on the instance that received them until it is back; streams are then told to refetch',
};

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/**
 * One shared store's time bound, state and outage policy bookkeeping. Every call runs within
 * `timeoutMs`; the first failure marks the store down (one warning per outage, naming the error's
 * class, never its message) and from then on calls fail at once, without reaching the store or
 * the client library's offline queue, until a probe succeeds.
 */
export class StoreGuard {
  private downSince: number | null = null;
  private cause: { errorClass: string; errorCode: string | null } | null = null;
  private nextProbeAt = 0;
  private probing = false;
  private failures = 0;
  private degraded = 0;
  private degradedThisOutage = 0;
  private readonly now: () => number;
  private readonly probeMs: number;

  constructor(private readonly options: StoreGuardOptions) {
    this.now = options.now ?? Date.now;
    this.probeMs = options.probeMs ?? STORE_PROBE_MS;
  }

  get name(): StoreName {
    return this.options.store;
  }

  get policy(): StorePolicy {
    return this.options.policy;
  }

  get isDown(): boolean {
    return this.downSince !== null;
  }

  /**
   * Runs one store call within the bound. Rejects with {@link StoreUnavailableError} when the
   * call fails or times out, or at once while the store is down. `late` receives the value of a
   * call that answered after its bound (to undo a claim the caller already gave up on).
   */
  async run<T>(call: () => T | PromiseLike<T>, late?: (value: T) => void): Promise<T> {
    if (this.downSince !== null) {
      if (this.probing || this.now() < this.nextProbeAt) throw this.unavailable();
      if (this.options.probe) {
        this.probeInBackground();
        throw this.unavailable();
      }
      // No probe of its own: this call is the one that finds out.
      this.probing = true;
      try {
        const value = await this.bounded(call, late);
        this.recovered();
        return value;
      } catch (error) {
        this.failed(error);
        throw this.unavailable();
      } finally {
        this.probing = false;
      }
    }
    try {
      return await this.bounded(call, late);
    } catch (error) {
      this.failed(error);
      throw this.unavailable();
    }
  }

  /** Marks the store down from outside a call (a subscription that dropped). */
  fail(error: unknown): void {
    this.failed(error);
  }

  /**
   * Probes the store now, within the bound, and updates its state (readiness checks). Without a
   * probe function the state stays what the last calls found.
   */
  async check(): Promise<void> {
    const { probe } = this.options;
    if (!probe || this.probing) return;
    this.probing = true;
    try {
      await this.bounded(probe);
      this.recovered();
    } catch (error) {
      this.failed(error);
    } finally {
      this.probing = false;
    }
  }

  report(): StoreHealth {
    return {
      state: this.downSince === null ? 'up' : 'down',
      policy: this.options.policy,
      downSince: this.downSince === null ? null : new Date(this.downSince).toISOString(),
      error: this.cause,
      failures: this.failures,
      degradedCalls: this.degraded,
    };
  }

  private bounded<T>(call: () => T | PromiseLike<T>, late?: (value: T) => void): Promise<T> | T {
    const result = call();
    // A synchronous store (memory) has answered already; there is nothing to bound.
    if (!isThenable(result)) return result;
    const { timeoutMs } = this.options;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const timer = setTimeout(() => {
        settled = true;
        reject(new StoreTimeoutError(timeoutMs));
      }, timeoutMs);
      result.then(
        (value) => {
          if (settled) {
            late?.(value);
            return;
          }
          settled = true;
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }

  private probeInBackground(): void {
    const { probe } = this.options;
    if (!probe) return;
    this.probing = true;
    Promise.resolve()
      .then(() => this.bounded(probe))
      .then(
        () => this.recovered(),
        (error: unknown) => this.failed(error),
      )
      .finally(() => {
        this.probing = false;
      });
  }

  private unavailable(): StoreUnavailableError {
    this.degraded++;
    this.degradedThisOutage++;
    const wait = Math.max(0, this.nextProbeAt - this.now());
    return new StoreUnavailableError(this.options.store, Math.max(1, Math.ceil(wait / 1000)));
  }

  private failed(error: unknown): void {
    this.failures++;
    const now = this.now();
    this.nextProbeAt = now + this.probeMs;
    if (this.downSince !== null) return;
    this.downSince = now;
    this.degradedThisOutage = 0;
    this.cause = describeError(error);
    this.options.logger?.warn({
      msg: `clinik-proxy ${this.options.store} store unavailable: ${POLICY_TEXT[this.options.policy]}`,
      store: this.options.store,
      policy: this.options.policy,
      timeoutMs: this.options.timeoutMs,
      ...this.cause,
    });
  }

  private recovered(): void {
    if (this.downSince === null) return;
    const outageMs = this.now() - this.downSince;
    this.downSince = null;
    this.cause = null;
    this.options.logger?.info({
      msg: `clinik-proxy ${this.options.store} store available again`,
      store: this.options.store,
      outageMs,
      degradedCalls: this.degradedThisOutage,
    });
    this.options.onRecover?.();
  }
}
