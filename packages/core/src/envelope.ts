/** Response metadata every enveloped ClinikAPI response carries. */
export interface ResponseMeta {
  /** Request id (`req_...`); quote it when reporting a problem. */
  requestId: string;
  /** ISO 8601 time the response was produced. */
  timestamp: string;
  /** HTTP status of the response. */
  status: number;
  /** Requests allowed in the current rate-limit window. */
  rateLimitTotal?: number;
  /** Requests left in the current rate-limit window. */
  rateLimitRemaining?: number;
  /** Seconds until the rate-limit window resets. */
  rateLimitReset?: number;
}

/** The `{ data, meta }` wrapper around every response except `/health`, `/v1/metadata` and 204s. */
export interface Envelope<T> {
  data: T;
  meta: ResponseMeta;
}

/** One page of search results. */
export interface ListPage<T> {
  data: T[];
  /** Total number of matches across all pages. */
  total: number;
  /** Opaque cursor of the next page, or `null` on the last page. */
  cursor: string | null;
  hasMore: boolean;
}

/** One problem in a request, in the API's `OperationOutcome.issue`-like form. Never contains submitted values. */
export interface ApiIssue {
  severity: 'error' | 'warning' | 'information';
  /** FHIR issue type: `required`, `value`, `too-long`, `code-invalid`, `structure`, `invalid`... */
  code: string;
  /** Human text naming the field and the rule, e.g. `firstName is required`. */
  diagnostics: string;
}

/** Error body of every non-2xx response. */
export interface ApiErrorBody {
  /** Machine code, e.g. `VALIDATION_ERROR`, `NOT_FOUND`, `RATE_LIMITED`. */
  error: string;
  message: string;
  /** HTTP status as a string, e.g. `"422"`. */
  code: string;
  requestId?: string;
  issues?: ApiIssue[];
}

/** The machine codes the contract defines, by HTTP status. */
export const API_ERROR_CODES = {
  400: ['INVALID_JSON', 'METHOD_OVERRIDE_REJECTED', 'BAD_REQUEST'],
  401: ['UNAUTHORIZED', 'INVALID_KEY_FORMAT', 'INVALID_KEY', 'KEY_REVOKED', 'KEY_EXPIRED'],
  403: ['FORBIDDEN'],
  404: ['NOT_FOUND'],
  409: ['CONFLICT'],
  412: ['PRECONDITION_FAILED'],
  413: ['PAYLOAD_TOO_LARGE'],
  422: ['VALIDATION_ERROR'],
  429: ['RATE_LIMITED', 'MONTHLY_QUOTA_EXCEEDED', 'SANDBOX_QUOTA_EXCEEDED'],
  500: ['INTERNAL_ERROR'],
} as const;

/** Builds a contract-shaped error body. */
export function errorBody(
  status: number,
  error: string,
  message: string,
  extra: { requestId?: string; issues?: ApiIssue[] } = {},
): ApiErrorBody {
  const body: ApiErrorBody = { error, message, code: String(status) };
  if (extra.requestId) body.requestId = extra.requestId;
  if (extra.issues && extra.issues.length > 0) body.issues = extra.issues;
  return body;
}
