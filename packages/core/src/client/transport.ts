import type { ResponseMeta } from '../envelope.js';
import {
  ClinikApiError,
  ClinikConfigError,
  ClinikNetworkError,
  ClinikTimeoutError,
  errorFromResponse,
} from '../errors.js';
import {
  backoffDelay,
  isIdempotentRequest,
  isRetryableStatus,
  parseRetryAfter,
  sleep,
} from './retry.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface RetryInfo {
  /** 1 for the first retry. */
  attempt: number;
  /** How long the client waits before it. */
  delayMs: number;
  /** Why the previous attempt failed. */
  error: ClinikApiError;
}

export interface TransportConfig {
  baseUrl: string;
  apiKey: string | undefined;
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  maxRetryAfterMs: number;
  headers: Record<string, string>;
  onRetry: ((info: RetryInfo) => void) | undefined;
}

/** Per-call options every client method accepts. */
export interface RequestOptions {
  /** Aborts the request (and any wait between retries); the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Makes a POST or PATCH safe to retry; sent as `Idempotency-Key`. */
  idempotencyKey?: string | undefined;
  /** Extra request headers for this call. */
  headers?: Record<string, string> | undefined;
  /**
   * Makes a PATCH or DELETE conditional: sent as `If-Match`. Pass the entity tag of the version
   * the change was computed against, as `etagOf(record)` returned it (e.g. `W/"3"`). When the
   * record has moved on, the call throws `ClinikPreconditionFailedError` (412) and nothing is
   * changed. Throws `ClinikConfigError` (`ERR_CLINIK_INVALID_ETAG`) before sending when the value
   * is not an entity tag (`"..."`, `W/"..."`) or `*`. Defaults to none: last write wins.
   */
  ifMatch?: string | undefined;
}

export interface RequestSpec extends RequestOptions {
  method: string;
  /** Path below the base URL, starting with `/`, already encoded. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
}

/** A decoded response: the envelope's `data` with its `meta` (when the response had an envelope). */
export interface ClinikResponse<T> {
  status: number;
  data: T;
  meta: ResponseMeta | undefined;
  headers: Headers;
}

function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  let url = baseUrl.replace(/\/+$/, '') + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  return url;
}

function isEnvelope(value: unknown): value is { data: unknown; meta: ResponseMeta } {
  return (
    value !== null &&
    typeof value === 'object' &&
    'data' in value &&
    'meta' in value &&
    typeof (value as { meta: unknown }).meta === 'object'
  );
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

class RetryableFailure {
  constructor(
    readonly error: ClinikApiError,
    readonly retryAfterMs: number | undefined,
  ) {}
}

/** One HTTP exchange with timeout; throws typed errors, or a RetryableFailure to the retry loop. */
async function attempt<T>(
  config: TransportConfig,
  spec: RequestSpec,
  url: string,
): Promise<ClinikResponse<T>> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(spec.signal?.reason);
  spec.signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, config.timeoutMs);

  const headers: Record<string, string> = {
    accept: 'application/json',
    ...config.headers,
    ...spec.headers,
  };
  if (config.apiKey) headers['x-api-key'] = config.apiKey;
  if (spec.idempotencyKey) headers['idempotency-key'] = spec.idempotencyKey;
  if (spec.ifMatch !== undefined) headers['if-match'] = spec.ifMatch;
  let body: string | undefined;
  if (spec.body !== undefined) {
    body = JSON.stringify(spec.body);
    headers['content-type'] = 'application/json';
  }

  try {
    let response: Response;
    let text: string;
    try {
      response = await config.fetch(url, {
        method: spec.method,
        headers,
        body,
        signal: controller.signal,
        redirect: 'error',
      });
      text = await response.text();
    } catch (cause) {
      if (spec.signal?.aborted) throw spec.signal.reason;
      if (timedOut) {
        throw new RetryableFailure(
          new ClinikTimeoutError({
            status: 0,
            code: 'TIMEOUT',
            message: `No response from ClinikAPI within ${config.timeoutMs} ms`,
          }),
          undefined,
        );
      }
      throw new RetryableFailure(
        new ClinikNetworkError({
          status: 0,
          code: 'NETWORK_ERROR',
          message: 'Could not reach ClinikAPI (network error)',
          cause,
        }),
        undefined,
      );
    }

    const parsed = parseJson(text);
    if (!response.ok) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      const error = errorFromResponse(response.status, parsed.ok ? parsed.value : undefined, {
        requestId: response.headers.get('x-request-id') ?? undefined,
        retryAfter: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
      });
      if (isRetryableStatus(response.status)) throw new RetryableFailure(error, retryAfterMs);
      throw error;
    }
    if (!parsed.ok) {
      throw new ClinikApiError({
        status: response.status,
        code: 'INVALID_RESPONSE',
        message: `ClinikAPI answered ${response.status} with a body that is not valid JSON`,
        requestId: response.headers.get('x-request-id') ?? undefined,
      });
    }
    const value = parsed.value;
    if (isEnvelope(value)) {
      return {
        status: response.status,
        data: value.data as T,
        meta: value.meta,
        headers: response.headers,
      };
    }
    return {
      status: response.status,
      data: value as T,
      meta: undefined,
      headers: response.headers,
    };
  } finally {
    clearTimeout(timer);
    spec.signal?.removeEventListener('abort', onAbort);
  }
}

/** An entity tag as RFC 9110 section 8.8.3 writes it (`"v"` or `W/"v"`), or `*`. */
const ENTITY_TAG = /^(\*|(W\/)?"[\x21\x23-\x7e]*")$/;

function checkEntityTag(value: string): void {
  if (typeof value !== 'string' || !ENTITY_TAG.test(value)) {
    throw new ClinikConfigError(
      'ERR_CLINIK_INVALID_ETAG',
      'ifMatch must be an entity tag such as W/"3" (as etagOf() returns it) or *',
    );
  }
}

/** Sends a request with timeout and bounded retries for idempotent requests. */
export async function send<T>(
  config: TransportConfig,
  spec: RequestSpec,
): Promise<ClinikResponse<T>> {
  if (spec.ifMatch !== undefined) checkEntityTag(spec.ifMatch);
  const url = buildUrl(config.baseUrl, spec.path, spec.query);
  const retryable = isIdempotentRequest(spec.method, Boolean(spec.idempotencyKey));
  for (let retry = 0; ; retry++) {
    try {
      return await attempt<T>(config, spec, url);
    } catch (failure) {
      if (!(failure instanceof RetryableFailure)) throw failure;
      const { error, retryAfterMs } = failure;
      if (!retryable || retry >= config.retries) throw error;
      if (retryAfterMs !== undefined && retryAfterMs > config.maxRetryAfterMs) throw error;
      const delayMs =
        retryAfterMs ??
        backoffDelay(retry, {
          baseDelayMs: config.retryBaseDelayMs,
          maxDelayMs: config.maxRetryDelayMs,
        });
      config.onRetry?.({ attempt: retry + 1, delayMs, error });
      await sleep(delayMs, spec.signal);
    }
  }
}
