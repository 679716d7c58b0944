import type { ServerResponse } from 'node:http';
import type { QuotaState } from '../limits/monthly-quota.js';
import type { Plan } from '../limits/plans.js';
import type { RateLimitState } from './context.js';
import { HttpError } from './http-error.js';

export function setRateLimitHeaders(res: ServerResponse, state: RateLimitState): void {
  res.setHeader('X-RateLimit-Limit', String(state.limit));
  res.setHeader('X-RateLimit-Remaining', String(state.remaining));
  res.setHeader('X-RateLimit-Reset', String(state.reset));
}

export const rateLimited = (state: RateLimitState) =>
  new HttpError(
    429,
    'RATE_LIMITED',
    `Rate limit of ${state.limit} requests per minute exceeded; retry in ${state.reset} s`,
    undefined,
    { 'Retry-After': String(state.reset) },
  );

export function setQuotaHeaders(res: ServerResponse, state: QuotaState): void {
  res.setHeader('X-Quota-Limit', String(state.limit));
  res.setHeader('X-Quota-Used', String(state.used));
  res.setHeader('X-Quota-Remaining', String(state.remaining));
  res.setHeader('X-Quota-Reset', String(state.reset));
}

/** The free Sandbox plan's allowance has its own code; paid plans hit their monthly quota. */
export const quotaExceeded = (state: QuotaState, plan: Plan) =>
  new HttpError(
    429,
    plan === 'sandbox' ? 'SANDBOX_QUOTA_EXCEEDED' : 'MONTHLY_QUOTA_EXCEEDED',
    `${plan === 'sandbox' ? 'Sandbox plan' : 'Monthly'} quota of ${state.limit} requests used up; it resets in ${state.reset} s`,
    undefined,
    { 'Retry-After': String(state.reset) },
  );
