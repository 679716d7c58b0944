import type { Database } from '../db/database.js';
import type { RateLimitState } from '../http/context.js';
import { MonthlyQuota, type QuotaState } from './monthly-quota.js';
import { isPlan, PLAN_LIMITS, PLAN_MONTHLY_QUOTAS, type Plan } from './plans.js';
import { RollingWindowLimiter } from './rate-limiter.js';

/** Per-organization rate limits by plan. Plans persist in the database; counters live in this process. */
export class OrgRateLimits {
  readonly #plans = new Map<string, Plan>();
  readonly #limiter: RollingWindowLimiter;
  readonly #quota: MonthlyQuota;

  constructor(
    private readonly db: Database,
    private readonly defaultPlan: Plan,
    limiter = new RollingWindowLimiter(),
    quota = new MonthlyQuota(),
    private readonly monthlyQuotas: Readonly<Record<Plan, number>> = PLAN_MONTHLY_QUOTAS,
  ) {
    this.#limiter = limiter;
    this.#quota = quota;
  }

  async planOf(org: string): Promise<Plan> {
    const cached = this.#plans.get(org);
    if (cached) return cached;
    const rows = await this.db.query<{ plan: string }>(
      'SELECT plan FROM org_plans WHERE org = $1',
      [org],
    );
    const stored = rows[0]?.plan;
    const plan = isPlan(stored) ? stored : this.defaultPlan;
    this.#plans.set(org, plan);
    return plan;
  }

  async setPlan(org: string, plan: Plan): Promise<void> {
    if (!isPlan(plan))
      throw new TypeError(`plan must be one of ${Object.keys(PLAN_LIMITS).join(', ')}`);
    await this.db.query(
      'INSERT INTO org_plans (org, plan) VALUES ($1, $2) ON CONFLICT (org) DO UPDATE SET plan = EXCLUDED.plan',
      [org, plan],
    );
    this.#plans.set(org, plan);
  }

  /** Counts one request of `org` against its per-minute limit and, if allowed, its monthly quota. */
  async hit(org: string): Promise<{
    plan: Plan;
    rate: RateLimitState & { allowed: boolean };
    quota?: QuotaState & { allowed: boolean };
  }> {
    const plan = await this.planOf(org);
    const rate = this.#limiter.hit(org, PLAN_LIMITS[plan]);
    if (!rate.allowed) return { plan, rate };
    return { plan, rate, quota: this.#quota.hit(org, this.monthlyQuotas[plan]) };
  }
}
