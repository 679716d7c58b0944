import type { ListPage, ResponseMeta } from '../envelope.js';
import { isBrowserLike } from '../environment.js';
import { ClinikConfigError, ClinikValidationError } from '../errors.js';
import { isValidId } from '../ids.js';
import { type CamelCase, camelCasePath, isResourcePath, RESOURCE_PATHS } from '../paths.js';
import type { ResourcePath } from '../registry.js';
import type { ResourceTypes } from '../schemas/index.js';
import {
  type ClinikResponse,
  type QueryValue,
  type RequestOptions,
  type RetryInfo,
  send,
  type TransportConfig,
} from './transport.js';

export interface ClinikClientOptions {
  /**
   * Where requests go: `https://api.clinikapi.com` from a server, or a same-origin proxy path
   * such as `/api/clinik` from a browser. `/v1/...` is appended.
   */
  baseUrl: string;
  /**
   * Secret `clk_test_`/`clk_live_` key, sent as `x-api-key`. Server-side only: refused in a
   * browser unless `dangerouslyAllowBrowser` is set. Omit it when talking to a proxy.
   */
  apiKey?: string | undefined;
  /** `fetch` implementation. Defaults to `globalThis.fetch`. */
  fetch?: typeof fetch | undefined;
  /** Per-attempt time limit in milliseconds. Defaults to 30000. */
  timeoutMs?: number | undefined;
  /** Retries of idempotent requests after network errors, timeouts, 408, 429, 502, 503, 504. Defaults to 2. */
  retries?: number | undefined;
  /** Upper bound of the first backoff wait (full jitter, doubling per retry). Defaults to 500. */
  retryBaseDelayMs?: number | undefined;
  /** No computed backoff wait exceeds this. Defaults to 8000. */
  maxRetryDelayMs?: number | undefined;
  /** A `Retry-After` longer than this is not waited for: the error is thrown. Defaults to 60000. */
  maxRetryAfterMs?: number | undefined;
  /** Headers added to every request. */
  headers?: Record<string, string> | undefined;
  /** Called before each retry, e.g. for logging. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /**
   * Allows `apiKey` in a browser. Anyone who opens the page can read the key, so only use this
   * for throwaway test keys in local experiments. Defaults to false.
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** CRUD and search for one resource path. */
export interface ResourceClient<P extends ResourcePath> {
  readonly path: P;
  /** `GET /v1/{path}`: one page of matches. */
  search(
    params?: ResourceTypes<P>['search'],
    options?: RequestOptions,
  ): Promise<ListPage<ResourceTypes<P>['record']>>;
  /** `GET /v1/{path}/{id}`. */
  read(id: string, options?: RequestOptions): Promise<ResourceTypes<P>['record']>;
  /** `POST /v1/{path}`. */
  create(
    body: ResourceTypes<P>['create'],
    options?: RequestOptions,
  ): Promise<ResourceTypes<P>['record']>;
  /**
   * `PATCH /v1/{path}/{id}` with a partial body (top-level fields replace the stored ones whole;
   * send a nested object such as `address` complete). With `{ ifMatch: etagOf(record) }` it only
   * applies to that version: `ClinikPreconditionFailedError` (412) when the record moved on.
   */
  update(
    id: string,
    patch: ResourceTypes<P>['patch'],
    options?: RequestOptions,
  ): Promise<ResourceTypes<P>['record']>;
  /** `DELETE /v1/{path}/{id}`; conditional with `{ ifMatch }` like `update`. */
  delete(id: string, options?: RequestOptions): Promise<void>;
}

type ResourceClients = { readonly [P in ResourcePath as CamelCase<P>]: ResourceClient<P> };

export interface ClinikClient extends ResourceClients {
  /** The client of a path given as a string, e.g. `client.resource('care-plans')`. */
  resource<P extends ResourcePath>(path: P): ResourceClient<P>;
  /** Iterates over every page of a search, following cursors. */
  paginate<P extends ResourcePath>(
    path: P,
    params?: ResourceTypes<P>['search'],
    options?: RequestOptions,
  ): AsyncIterableIterator<ListPage<ResourceTypes<P>['record']>>;
  /** A raw call: the decoded response with status, `meta` and headers. `path` starts with `/`. */
  request<T = unknown>(
    method: string,
    path: string,
    init?: { query?: Record<string, QueryValue>; body?: unknown } & RequestOptions,
  ): Promise<ClinikResponse<T>>;
}

const metaByResult = new WeakMap<object, ResponseMeta>();
const etagByResult = new WeakMap<object, string>();

/** The envelope `meta` (request id, rate-limit state) of a value a client method returned. */
export function metaOf(result: object): ResponseMeta | undefined {
  return metaByResult.get(result);
}

/**
 * The entity tag (`ETag` header, e.g. `W/"3"`) of the version a `read`, `create` or `update`
 * returned, for a later `update(id, patch, { ifMatch })` or `delete(id, { ifMatch })`. Tied to
 * the returned object itself: a copy (spread, JSON round trip, a query cache's structural
 * sharing) has none. `undefined` when the API sent no ETag; then compare `updatedAt` with a
 * fresh read before writing (contract: "Decision (versions and concurrency)").
 */
export function etagOf(result: object): string | undefined {
  return etagByResult.get(result);
}

function remember<T>(response: ClinikResponse<T>): T {
  if (response.data !== null && typeof response.data === 'object') {
    if (response.meta) metaByResult.set(response.data, response.meta);
    const etag = response.headers.get('etag');
    if (etag) etagByResult.set(response.data, etag);
  }
  return response.data;
}

function checkedId(id: string): string {
  if (!isValidId(id)) {
    throw new ClinikValidationError({
      status: 400,
      code: 'INVALID_ID',
      message: 'id must be 1-128 characters of letters, digits, "-", "_" or "."',
    });
  }
  return id;
}

function positive(
  name: string,
  value: number | undefined,
  fallback: number,
  allowZero = false,
): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new ClinikConfigError(
      'ERR_CLINIK_INVALID_OPTION',
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`,
    );
  }
  return value;
}

/** Creates a typed client for ClinikAPI or for a same-origin ClinikAPI proxy. */
export function createClinikClient(options: ClinikClientOptions): ClinikClient {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new ClinikConfigError(
      'ERR_CLINIK_MISSING_BASE_URL',
      'createClinikClient needs a baseUrl',
    );
  }
  if (options.apiKey !== undefined && isBrowserLike() && !options.dangerouslyAllowBrowser) {
    throw new ClinikConfigError(
      'ERR_CLINIK_KEY_IN_BROWSER',
      'Refusing to use an API key in a browser: anyone who opens the page could read it. ' +
        'Call a same-origin proxy instead (baseUrl: "/api/clinik", no apiKey) and keep the key on ' +
        'your server (see @clinikapi/proxy). For a throwaway test key only, set dangerouslyAllowBrowser: true.',
    );
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    throw new ClinikConfigError(
      'ERR_CLINIK_NO_FETCH',
      'No fetch implementation: pass options.fetch',
    );
  }
  const config: TransportConfig = {
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    fetch: fetchImpl.bind(globalThis),
    timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000),
    retries: Math.floor(positive('retries', options.retries, 2, true)),
    retryBaseDelayMs: positive('retryBaseDelayMs', options.retryBaseDelayMs, 500),
    maxRetryDelayMs: positive('maxRetryDelayMs', options.maxRetryDelayMs, 8_000),
    maxRetryAfterMs: positive('maxRetryAfterMs', options.maxRetryAfterMs, 60_000, true),
    headers: { ...options.headers },
    onRetry: options.onRetry,
  };

  const request: ClinikClient['request'] = (method, path, init = {}) =>
    send(config, { ...init, method: method.toUpperCase(), path });

  const resourceClients = new Map<string, ResourceClient<ResourcePath>>();
  const resource = <P extends ResourcePath>(path: P): ResourceClient<P> => {
    const existing = resourceClients.get(path);
    if (existing) return existing as unknown as ResourceClient<P>;
    if (!isResourcePath(path)) {
      throw new ClinikConfigError(
        'ERR_CLINIK_UNKNOWN_RESOURCE',
        `Unknown resource path "${String(path).slice(0, 64)}"`,
      );
    }
    const base = `/v1/${path}`;
    const rc: ResourceClient<P> = {
      path,
      search: async (params, opts) =>
        remember(
          await request('GET', base, { ...opts, query: params as Record<string, QueryValue> }),
        ),
      read: async (id, opts) => remember(await request('GET', `${base}/${checkedId(id)}`, opts)),
      create: async (body, opts) => remember(await request('POST', base, { ...opts, body })),
      update: async (id, patch, opts) =>
        remember(await request('PATCH', `${base}/${checkedId(id)}`, { ...opts, body: patch })),
      delete: async (id, opts) => {
        await request('DELETE', `${base}/${checkedId(id)}`, opts);
      },
    };
    resourceClients.set(path, rc as unknown as ResourceClient<ResourcePath>);
    return rc;
  };

  async function* paginate<P extends ResourcePath>(
    path: P,
    params?: ResourceTypes<P>['search'],
    opts?: RequestOptions,
  ): AsyncIterableIterator<ListPage<ResourceTypes<P>['record']>> {
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const page = await resource(path).search(
        { ...params, cursor } as ResourceTypes<P>['search'],
        opts,
      );
      yield page;
      if (!page.hasMore || !page.cursor || seen.has(page.cursor)) return;
      seen.add(page.cursor);
      cursor = page.cursor;
    }
  }

  const client = { resource, paginate, request } as Record<string, unknown>;
  for (const path of RESOURCE_PATHS) {
    Object.defineProperty(client, camelCasePath(path), {
      enumerable: true,
      get: () => resource(path),
    });
  }
  return client as unknown as ClinikClient;
}
