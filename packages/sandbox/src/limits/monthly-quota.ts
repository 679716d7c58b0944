/** Quota numbers sent as `X-Quota-*` headers. */
export interface QuotaState {
  limit: number;
  used: number;
  remaining: number;
  /** Seconds until the quota resets (start of the next UTC month). */
  reset: number;
}

function monthOf(now: number): { key: string; resetsAt: number } {
  const date = new Date(now);
  return {
    key: `${date.getUTCFullYear()}-${date.getUTCMonth()}`,
    resetsAt: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1),
  };
}

/** Requests per organization per calendar month, counted in this process's memory. */
export class MonthlyQuota {
  readonly #used = new Map<string, { month: string; used: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts one request if the quota allows it. */
  hit(org: string, limit: number): QuotaState & { allowed: boolean } {
    const now = this.now();
    const { key, resetsAt } = monthOf(now);
    let entry = this.#used.get(org);
    if (!entry || entry.month !== key) {
      entry = { month: key, used: 0 };
      this.#used.set(org, entry);
    }
    const allowed = entry.used < limit;
    if (allowed) entry.used++;
    return {
      allowed,
      limit,
      used: entry.used,
      remaining: Math.max(0, limit - entry.used),
      reset: Math.max(1, Math.ceil((resetsAt - now) / 1000)),
    };
  }
}
