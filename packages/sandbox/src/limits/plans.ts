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
