/** Requests per minute by plan (the contract's table). */
export const PLAN_LIMITS = {
  sandbox: 100,
  starter: 200,
  pro: 1000,
  team: 5000,
  enterprise: 10000,
} as const;

export type Plan = keyof typeof PLAN_LIMITS;

export const isPlan = (value: unknown): value is Plan =>
  typeof value === 'string' && Object.hasOwn(PLAN_LIMITS, value);

/**
 * Requests per calendar month (UTC) by plan. The contract names the quota headers but not the
 * numbers; these are the sandbox's own, chosen so only a runaway client reaches them.
 */
export const PLAN_MONTHLY_QUOTAS = {
  sandbox: 10_000,
  starter: 100_000,
  pro: 1_000_000,
  team: 5_000_000,
  enterprise: 20_000_000,
} as const satisfies Record<Plan, number>;
