import type { Queryable } from '../db/database.js';

/** `2026-11`: the UTC calendar month of `ms`, as the monthly quota counts it. */
export const monthOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/** The rate-limit window the usage counts follow (the contract's 60 s rolling window). */
const WINDOW_SECONDS = 60;

/** Not yet written to the database: requests of one key in one month, and its latest use. */
interface Pending {
  keyId: string;
  month: string;
  requests: number;
  lastUsedMs: number;
}

/** Requests of one key per second over the last 60 s (a ring of 60 one-second buckets). */
class WindowCounter {
  readonly #counts = new Uint32Array(WINDOW_SECONDS);
  readonly #seconds = new Float64Array(WINDOW_SECONDS).fill(-1);

  add(second: number): void {
    const slot = second % WINDOW_SECONDS;
    if (this.#seconds[slot] !== second) {
      this.#seconds[slot] = second;
      this.#counts[slot] = 0;
    }
    this.#counts[slot] = (this.#counts[slot] ?? 0) + 1;
  }

  /** Requests in the 60 whole seconds up to and including `second`. */
  total(second: number): number {
    let sum = 0;
    for (let i = 0; i < WINDOW_SECONDS; i++) {
      const at = this.#seconds[i] ?? -1;
      if (at > second - WINDOW_SECONDS && at <= second) sum += this.#counts[i] ?? 0;
    }
    return sum;
  }
}

export interface KeyUsageOptions {
  /** How long after the first unwritten request the counts are written. Defaults to 5000 ms. */
  flushAfterMs?: number;
  /** Clock, for tests. Defaults to `Date.now`. */
  now?: () => number;
}

/** What `KeyUsage.of` adds to a key's stored numbers. */
export interface LiveUsage {
  /** Requests in the last 60 s seen by this process. */
  window: number;
  /** Requests of `month` not yet written to the database. */
  pendingThisMonth: number;
  /** Latest use not yet written, in ms since the epoch; 0 when none. */
  pendingLastUsedMs: number;
}

/**
 * Per-key usage, counted in memory on every authenticated request (two map updates, no database
 * write) and written in one batch: the first unwritten request starts a timer (`flushAfterMs`,
 * default 5 s, unref'd); when it fires, one `INSERT ... ON CONFLICT` adds the counts per key and
 * month and one `UPDATE` moves `last_used_at` forward, whatever the request rate. `close()` writes
 * what is left. The 60 s window count lives only in this process's memory.
 */
export class KeyUsage {
  readonly #pending = new Map<string, Pending>();
  readonly #windows = new Map<string, WindowCounter>();
  readonly #flushAfterMs: number;
  readonly #now: () => number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #flushing: Promise<void> = Promise.resolve();
  #closed = false;
  /** The current month's key and the instants it spans, so `record` formats no date. */
  #month = { key: '', from: 0, to: 0 };

  constructor(
    private readonly db: Queryable,
    options: KeyUsageOptions = {},
  ) {
    this.#flushAfterMs = options.flushAfterMs ?? 5000;
    this.#now = options.now ?? Date.now;
  }

  /** Counts one request authenticated with `keyId`. */
  record(keyId: string): void {
    const now = this.#now();
    const month = this.#monthAt(now);
    const id = `${keyId}\u0000${month}`;
    const entry = this.#pending.get(id);
    if (entry) {
      entry.requests++;
      entry.lastUsedMs = now;
    } else {
      this.#pending.set(id, { keyId, month, requests: 1, lastUsedMs: now });
    }
    let window = this.#windows.get(keyId);
    if (!window) {
      window = new WindowCounter();
      this.#windows.set(keyId, window);
    }
    window.add(Math.floor(now / 1000));
    this.#schedule();
  }

  #monthAt(now: number): string {
    if (now < this.#month.from || now >= this.#month.to) {
      const date = new Date(now);
      this.#month = {
        key: monthOf(now),
        from: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1),
        to: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
      };
    }
    return this.#month.key;
  }

  #schedule(): void {
    if (this.#timer || this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.flush();
    }, this.#flushAfterMs);
    this.#timer.unref?.();
  }

  /** This process's numbers for `keyId` that the database does not hold (yet). */
  of(keyId: string, month = monthOf(this.#now())): LiveUsage {
    const pending = this.#pending.get(`${keyId}\u0000${month}`);
    let pendingLastUsedMs = 0;
    for (const entry of this.#pending.values()) {
      if (entry.keyId === keyId) pendingLastUsedMs = Math.max(pendingLastUsedMs, entry.lastUsedMs);
    }
    return {
      window: this.#windows.get(keyId)?.total(Math.floor(this.#now() / 1000)) ?? 0,
      pendingThisMonth: pending?.requests ?? 0,
      pendingLastUsedMs,
    };
  }

  /** Writes the counts gathered so far (one batch); concurrent calls run one after another. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }

  async #write(): Promise<void> {
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending.values()];
    this.#pending.clear();
    const lastUsed = new Map<string, number>();
    for (const entry of batch) {
      lastUsed.set(entry.keyId, Math.max(lastUsed.get(entry.keyId) ?? 0, entry.lastUsedMs));
    }
    try {
      await this.db.query(
        `INSERT INTO api_key_usage (key_id, month, requests)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
         ON CONFLICT (key_id, month) DO UPDATE SET requests = api_key_usage.requests + EXCLUDED.requests`,
        [batch.map((e) => e.keyId), batch.map((e) => e.month), batch.map((e) => e.requests)],
      );
    } catch {
      // Keep the counts for the next batch (the database may be briefly unreachable).
      this.#restore(batch);
      return;
    }
    try {
      await this.db.query(
        `UPDATE api_keys AS k SET last_used_at = GREATEST(k.last_used_at, v.at)
         FROM unnest($1::text[], $2::timestamptz[]) AS v(id, at) WHERE k.id = v.id`,
        [[...lastUsed.keys()], [...lastUsed.values()].map((ms) => new Date(ms).toISOString())],
      );
    } catch {
      // The counts are written; a missed "last used" is corrected by the next batch of that key.
    }
  }

  #restore(batch: Pending[]): void {
    for (const entry of batch) {
      const id = `${entry.keyId}\u0000${entry.month}`;
      const newer = this.#pending.get(id);
      if (newer) {
        newer.requests += entry.requests;
        newer.lastUsedMs = Math.max(newer.lastUsedMs, entry.lastUsedMs);
      } else this.#pending.set(id, entry);
    }
    this.#schedule();
  }
}
