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

/** A caller's request id the sandbox takes over: `req_` and 8-64 letters or digits. */
const CALLER_REQUEST_ID = /^req_[A-Za-z0-9]{8,64}$/;

/**
 * State of one request. A caller's `X-Request-Id` of the form `req_...` (what the proxy sends
 * upstream) becomes this request's id, so the proxy's and the sandbox's logs and the response's
 * `meta.requestId` name the same request; anything else is ignored and a new id is made.
 */
export function newRequestContext(callerRequestId?: string | string[]): RequestContext {
  const caller = typeof callerRequestId === 'string' ? callerRequestId : undefined;
  return {
    requestId:
      caller && CALLER_REQUEST_ID.test(caller) ? caller : `req_${randomBytes(12).toString('hex')}`,
    startedAt: performance.now(),
    route: 'unmatched',
  };
}
