import { randomBytes } from 'node:crypto';

/** Rate-limit numbers sent as headers and in `meta`. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  reset: number;
}

/** Per-request state shared by the pipeline steps. */
export interface RequestContext {
  readonly requestId: string;
  readonly startedAt: number;
  /** Route template for logs, e.g. `/v1/patients/:id` (never concrete ids or query values). */
  route: string;
  rateLimit?: RateLimitState;
}

export function newRequestContext(): RequestContext {
  return {
    requestId: `req_${randomBytes(12).toString('hex')}`,
    startedAt: performance.now(),
    route: 'unmatched',
  };
}
