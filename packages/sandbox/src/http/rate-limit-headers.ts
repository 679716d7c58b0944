import type { ServerResponse } from 'node:http';
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
