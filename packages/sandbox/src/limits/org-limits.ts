import type { Database } from '../db/database.js';
import type { RateLimitState } from '../http/context.js';
import { isPlan, PLAN_LIMITS, type Plan } from './plans.js';
import { RollingWindowLimiter } from './rate-limiter.js';

/** Per-organization rate limits by plan. Plans persist in the database; counters live in this process. */
export class OrgRateLimits {
  readonly #plans = new Map<string, Plan>();
  readonly #limiter: RollingWindowLimiter;

  constructor(
    private readonly db: Database,
    private readonly defaultPlan: Plan,
    limiter = new RollingWindowLimiter(),
  ) {
    this.#limiter = limiter;
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

  /** Counts one request of `org`. */
  async hit(org: string): Promise<RateLimitState & { allowed: boolean }> {
    return this.#limiter.hit(org, PLAN_LIMITS[await this.planOf(org)]);
  }
}
