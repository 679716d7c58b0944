import type { ApiErrorBody, ApiIssue } from './envelope.js';

interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  requestId?: string | undefined;
  issues?: ApiIssue[] | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

/**
 * A failed ClinikAPI call. `status` is the HTTP status (0 when no response arrived), `code` the
 * API's machine code (`VALIDATION_ERROR`, `NOT_FOUND`, ...). Messages never contain the API key
 * or submitted values.
 */
export class ClinikApiError extends Error {
  override name = 'ClinikApiError';
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly issues: readonly ApiIssue[];

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.issues = init.issues ?? [];
  }

  /** The contract-shaped body of this error (what a proxy would send on). */
  toJSON(): ApiErrorBody {
    const body: ApiErrorBody = {
      error: this.code,
      message: this.message,
      code: String(this.status),
    };
    if (this.requestId) body.requestId = this.requestId;
    if (this.issues.length > 0) body.issues = [...this.issues];
    return body;
  }
}

/** 401 (missing, malformed, unknown, revoked or expired key) and 403 (scope does not allow it). */
export class ClinikAuthError extends ClinikApiError {
  override name = 'ClinikAuthError';
}

/** 404: the resource does not exist or belongs to another tenant. */
export class ClinikNotFoundError extends ClinikApiError {
  override name = 'ClinikNotFoundError';
}

/** 400 and 422: the request was refused as invalid; `issues` names the fields. */
export class ClinikValidationError extends ClinikApiError {
  override name = 'ClinikValidationError';
}

/** 409: the change conflicts with the current state (e.g. a slot was booked meanwhile). */
export class ClinikConflictError extends ClinikApiError {
  override name = 'ClinikConflictError';
}

/**
 * 412 PRECONDITION_FAILED: an `If-Match` write named a version the record has moved past (someone
 * else saved it meanwhile); nothing was changed. Read the record again, show the user what changed,
 * and let them re-apply. A kind of `ClinikConflictError`, so code that handles every conflict
 * catches it too; check for this class first where a stale version and a taken slot differ.
 * Contract: "Decision (versions and concurrency)"; RFC 9110 section 13.1.1.
 */
export class ClinikPreconditionFailedError extends ClinikConflictError {
  override name = 'ClinikPreconditionFailedError';
}

/** 429: too many requests; `retryAfter` is the number of seconds to wait, when the API said. */
export class ClinikRateLimitError extends ClinikApiError {
  override name = 'ClinikRateLimitError';
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** No response within the client's `timeoutMs`. */
export class ClinikTimeoutError extends ClinikApiError {
  override name = 'ClinikTimeoutError';
}

/** The request never got a response: DNS, connection refused or reset, CORS, offline. */
export class ClinikNetworkError extends ClinikApiError {
  override name = 'ClinikNetworkError';
}

/** A misuse of the library itself (bad option, key in a browser), thrown before any request. */
export class ClinikConfigError extends Error {
  override name = 'ClinikConfigError';
  readonly code: `ERR_CLINIK_${string}`;

  constructor(code: `ERR_CLINIK_${string}`, message: string) {
    super(message);
    this.code = code;
  }
}

/** Default machine codes for statuses whose body did not carry one (e.g. an HTML error page). */
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'VALIDATION_ERROR',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

/** Picks the error class for a status. */
export function apiErrorFor(init: ApiErrorInit): ClinikApiError {
  const { status } = init;
  if (status === 401 || status === 403) return new ClinikAuthError(init);
  if (status === 404) return new ClinikNotFoundError(init);
  if (status === 400 || status === 422) return new ClinikValidationError(init);
  if (status === 409) return new ClinikConflictError(init);
  if (status === 412) return new ClinikPreconditionFailedError(init);
  if (status === 429) return new ClinikRateLimitError(init);
  return new ClinikApiError(init);
}

function isIssue(value: unknown): value is ApiIssue {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.diagnostics === 'string';
}

/**
 * Builds the typed error for an HTTP error response. `body` is the parsed JSON (or `undefined`
 * when the body was not JSON); nothing of a non-JSON body is copied into the message.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  extra: { requestId?: string | undefined; retryAfter?: number | undefined } = {},
): ClinikApiError {
  const b = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const code = typeof b.error === 'string' ? b.error : (STATUS_CODES[status] ?? `HTTP_${status}`);
  const message =
    typeof b.message === 'string'
      ? b.message
      : body === undefined
        ? `ClinikAPI answered ${status} without a JSON error body`
        : `ClinikAPI answered ${status}`;
  const issues = Array.isArray(b.issues) ? b.issues.filter(isIssue) : undefined;
  const requestId = typeof b.requestId === 'string' ? b.requestId : extra.requestId;
  return apiErrorFor({ status, code, message, requestId, issues, retryAfter: extra.retryAfter });
}
