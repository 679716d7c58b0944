import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import type { DedupeStore, EventBus } from './events/types.js';
import type { RateLimitStore } from './rate-limit/store.js';

/** What kind of upstream route a request maps to. */
export type RouteKind = 'resource' | 'fhir' | 'bulk';

/** The validated route of a request, as the proxy will forward it. */
export interface ProxyRoute {
  kind: RouteKind;
  /** Registered resource path (`patients`, `care-plans`), `fhir` or `bulk`. */
  resource: string;
  /** Resource id (or FHIR `Type/id`, bulk job id), when the route names one record. */
  id: string | undefined;
  /** Route template for logs, e.g. `/v1/patients/:id`; never contains ids. */
  template: string;
  /** Validated upstream path, e.g. `/v1/patients/pat_1`. */
  path: string;
}

/** What `authorize` receives. */
export interface AuthorizeContext<User> {
  user: User;
  /** Upper-case HTTP method. */
  method: string;
  route: ProxyRoute;
  /** Shortcut for `route.resource`. */
  resource: string;
  /** Shortcut for `route.id`. */
  id: string | undefined;
  /** Query parameters of the request (already checked against the resource's search parameters). */
  query: Readonly<Record<string, string>>;
}

/**
 * A narrowed permission: the request passes, but only within these limits.
 * The proxy enforces them; `authorize` only states them.
 */
export interface AuthorizeNarrowing {
  /** Query parameters forced on searches (they replace whatever the client sent). */
  query?: Record<string, string>;
  /**
   * Restricts patient-owned records to this patient: searches get the registry's owner field
   * (`patientId`, or e.g. `candidateId` on enrollment requests) forced, reads of another patient's
   * record answer 404, writes naming another patient answer 403, and updates or deletes of another
   * patient's record answer 404 (checked with a read first). Shared reference data stays readable
   * but not writable; internal data (audit events, payments, persons) answers 403.
   */
  patientId?: string;
}

/** `true` to allow, `false` to deny (403), or a narrowing. */
export type AuthorizeResult = boolean | AuthorizeNarrowing;

export type Awaitable<T> = T | Promise<T>;

/** One structured line per request. Never contains bodies, query values, cookies or the key. */
export interface AuditEvent {
  /** `req_...`, also sent upstream and to the client as `X-Request-Id`. */
  requestId: string;
  timestamp: string;
  /** Id of the authenticated user, `null` before or without authentication. */
  userId: string | null;
  method: string;
  /** Route template (`/v1/appointments/:id`), or `null` when the path was rejected. */
  route: string | null;
  resourceId: string | null;
  status: number;
  durationMs: number;
  /** Machine code when the proxy answered itself (`FORBIDDEN`, `RATE_LIMITED`, ...). */
  error: string | null;
  /** The widget action (`patients.read`) when the request came through the actions endpoint. */
  action?: string;
  /**
   * `true` when the rate-limit store was unavailable and the request went through without being
   * counted (`rateLimit.storeFailure: 'open'`); absent otherwise.
   */
  unlimited?: true;
}

/** Where the proxy writes its log lines. Each call gets one flat, JSON-safe object. */
export interface ProxyLogger {
  info(line: Record<string, unknown>): void;
  warn(line: Record<string, unknown>): void;
  error(line: Record<string, unknown>): void;
}

export interface RateLimitOptions<User> {
  /** Requests allowed per user per window. Defaults to 300. */
  limit?: number | undefined;
  /** Window length in milliseconds. Defaults to 60000. */
  windowMs?: number | undefined;
  /** Where counters live. Defaults to a new `MemoryStore`. */
  store?: RateLimitStore | undefined;
  /** The key a user is counted under. Defaults to the user id. */
  keyOf?: ((user: User, userId: string) => string) | undefined;
  /**
   * What happens while the store fails or does not answer within `timeouts.storeMs`: `'open'`
   * lets requests through uncounted (a warning is logged once per outage and the audit event
   * says `unlimited: true`); `'closed'` refuses them with 503 `SERVICE_UNAVAILABLE` and
   * `Retry-After`. Failed sign-ins answer 401 either way. Defaults to `'open'`.
   */
  storeFailure?: 'open' | 'closed' | undefined;
}

export interface TimeoutOptions {
  /** Milliseconds for the whole upstream exchange (connect, headers and body). Defaults to 30000. */
  upstreamMs?: number | undefined;
  /** Milliseconds to receive the client's request body. Defaults to 30000. */
  bodyMs?: number | undefined;
  /**
   * Milliseconds each call to a store (rate-limit counters, webhook de-duplication, event fan-out)
   * may take, whatever the store client's own retry and queue settings. A call that fails or takes
   * longer marks that store down: its outage policy applies at once to the calls that follow,
   * without reaching the store, until a probe (once a second) finds it back. Defaults to 500.
   */
  storeMs?: number | undefined;
}

export interface LimitOptions {
  /** Largest request body in bytes (413 above). Defaults to 1048576 (the contract's 1 MB). */
  bodyBytes?: number | undefined;
  /** Largest upstream response body in bytes (502 above). Defaults to 16777216. */
  responseBytes?: number | undefined;
  /** Longest request path plus query, in characters (400 above). Defaults to 2048. */
  urlLength?: number | undefined;
  /** Most request headers (431 above). Defaults to 64. */
  headerCount?: number | undefined;
  /** Largest total size of request header names and values in bytes (431 above). Defaults to 16384. */
  headerBytes?: number | undefined;
}

export interface CircuitBreakerOptions {
  /** Consecutive upstream failures (network error, timeout, 502/503/504) that open the circuit. Defaults to 5. */
  failureThreshold?: number | undefined;
  /** Milliseconds the circuit stays open before one trial request. Defaults to 30000. */
  cooldownMs?: number | undefined;
}

export interface EventsOptions {
  /**
   * Signing secret of the ClinikAPI webhook endpoint that points at `<mount>/webhooks`.
   * Give `webhookSecrets` instead during a rotation.
   */
  webhookSecret?: string | undefined;
  /** Several signing secrets (rotation): a delivery signed with any of them is accepted. */
  webhookSecrets?: readonly string[] | undefined;
  /**
   * Fan-out and de-duplication. Defaults to in-process memory (one proxy instance); use
   * `redisStores()` from `@clinikapi/proxy/redis` for several instances behind a load balancer.
   */
  store?: { bus: EventBus; dedupe: DedupeStore } | undefined;
  /** Keep-alive comments on idle streams, in milliseconds. Defaults to 15000. */
  heartbeatMs?: number | undefined;
  /** Accepted clock distance of webhook signatures, in seconds. Defaults to 300. */
  toleranceSeconds?: number | undefined;
  /** Recent changes kept for `Last-Event-ID` resume. Defaults to 1000. */
  bufferSize?: number | undefined;
}

export interface ClinikProxyOptions<User = unknown, Req = IncomingMessage> {
  /** Base URL of the data API, e.g. `https://api.clinikapi.com`. Requests go to `<target>/v1/...`. */
  target: string | undefined;
  /**
   * The secret key (`clk_test_...` / `clk_live_...`), or a function returning it (called per
   * request, so a rotated key is picked up without a restart).
   */
  apiKey: string | undefined | (() => Awaitable<string>);
  /** The app's own authentication: the user of a request, or `null`/`undefined` (401). */
  authenticate: (req: Req) => Awaitable<User | null | undefined>;
  /** Decides whether a user may make a request, and may narrow it. See `staff()`, `readOnly()`, `patientPortal()`. */
  authorize: (context: AuthorizeContext<User>) => Awaitable<AuthorizeResult>;
  /**
   * The id logged and rate-limited for a user. Defaults to `user.id`, then `user.sub`; a user
   * with neither is refused (500, and an error line saying so), never counted as someone else.
   */
  userIdOf?: ((user: User) => string) | undefined;
  /**
   * The client's address, for the limit on failed sign-ins (IPv6 addresses count per /64).
   * Defaults to the socket's address in Express/node:http and to none (one shared budget) in
   * fetch mounts. Behind a load balancer, return the address it reports (only if it overwrites
   * what clients send).
   */
  clientAddressOf?: ((req: Req) => string | undefined) | undefined;
  /**
   * Extra routes beyond the registered resources: `fhir` is `/v1/fhir/{Type}[/{id}]`; `bulk` is
   * `/v1/bulk/import|export`, `/v1/bulk/jobs/{id}` and `/v1/bulk/jobs/{id}/download` (a download
   * also needs `authorize` to allow `POST /v1/bulk/export`). Defaults to none.
   */
  enable?: { fhir?: boolean | undefined; bulk?: boolean | undefined } | undefined;
  /** Per-user rate limit, or `false` to turn it off. Defaults to 300 requests per 60 s in memory. */
  rateLimit?: RateLimitOptions<User> | false | undefined;
  timeouts?: TimeoutOptions | undefined;
  limits?: LimitOptions | undefined;
  circuitBreaker?: CircuitBreakerOptions | false | undefined;
  /** Extra attempts after a network error, for idempotent requests only. Defaults to 1. */
  retries?: number | undefined;
  /**
   * undici dispatcher for upstream connections (TLS settings, connection count). Defaults to a
   * keep-alive `Pool` of 64 connections to the target's origin.
   */
  dispatcher?: Dispatcher | undefined;
  /**
   * Path prefix to strip when mounted in a plain `node:http` server (Express strips its own
   * mount path). Defaults to `''`.
   */
  mountPath?: string | undefined;
  /** Log lines (one per request plus incidents), or `false`. Defaults to JSON lines on stdout/stderr. */
  logger?: ProxyLogger | false | undefined;
  /** Called once per request after the response, with the same fields as the log line. */
  onAudit?: ((event: AuditEvent) => Awaitable<void>) | undefined;
  /**
   * Live updates: a webhook receiver at `<mount>/webhooks` and a Server-Sent Events stream for
   * signed-in users at `<mount>/events`. Each user only hears of records they may read.
   * Defaults to off.
   */
  events?: EventsOptions | undefined;
  /** Allow a `clk_test_` key when `NODE_ENV=production`. Defaults to false. */
  allowTestKeyInProduction?: boolean | undefined;
  /**
   * Serve the official ClinikAPI widgets' protocol at `<mount>/actions`: `POST { action, data }`
   * (`patients.search`, `appointments.create`, ...), each action run as the REST request it stands
   * for, through the same authentication, policies, narrowing and audit. Unknown actions answer
   * 400 `UNKNOWN_ACTION`. Defaults to false.
   */
  actions?: boolean | undefined;
  /**
   * Cross-site request forgery protection, always on for state-changing requests (POST, PUT,
   * PATCH, DELETE) on every route but `<mount>/webhooks`: `Sec-Fetch-Site` must be `same-origin`
   * or `none`, or, from browsers without Fetch Metadata, `Origin` must match `Host`. Refused
   * requests answer 403 `FORBIDDEN`. Defaults to no trusted origins.
   */
  csrf?:
    | {
        /** Other origins allowed to send state-changing requests, e.g. `['https://admin.example.com']`. */
        trustedOrigins?: readonly string[] | undefined;
      }
    | undefined;
  /** Allow an `http:` target when `NODE_ENV=production`. Defaults to false. */
  allowInsecureTargetInProduction?: boolean | undefined;
  /**
   * When options are checked: `'on-create'` throws a `ClinikProxyError` from the factory;
   * `'on-first-request'` checks them at the first request (a problem then answers 500 and is
   * logged with its `ERR_CLINIK_*` code), so a build without the environment (`next build`)
   * works. Defaults to `'on-create'` for `clinikProxy` and `'on-first-request'` for
   * `clinikFetchProxy`.
   */
  validate?: 'on-create' | 'on-first-request' | undefined;
}

/** A fetch-style handler: a Web `Request` in, a `Response` out. */
export type FetchHandler<Req extends Request = Request> = (request: Req) => Promise<Response>;

/** The proxy as a Web-standard handler (Next.js route handlers, Hono, Bun, Deno). */
export interface ClinikFetchProxy<Req extends Request = Request> {
  /** Answers one request. Bound: pass it around as it is (`Bun.serve({ fetch: proxy.fetch })`). */
  fetch: FetchHandler<Req>;
  /**
   * The same handler under every method name, for a Next.js catch-all route:
   * `export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = proxy.handlers;`
   */
  handlers: Record<
    'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS',
    FetchHandler<Req>
  >;
  /** Ends live event streams and releases upstream connections; call on shutdown. */
  close(): Promise<void>;
  /** Each store's state, probed now (within `timeouts.storeMs`): for a readiness or status endpoint. */
  health(): Promise<ProxyHealth>;
}

/** The stores the proxy calls: rate-limit counters, webhook de-duplication, event fan-out. */
export type StoreName = 'rateLimit' | 'dedupe' | 'bus';

/**
 * What requests get while a store is down: `'fail-open'` (rate limits off), `'fail-closed'` (503),
 * `'refuse-webhooks'` (webhook deliveries answer 503 and the sender retries), `'local-delivery'`
 * (changes reach only the receiving instance's streams; streams are told to refetch afterwards).
 */
export type StorePolicy = 'fail-open' | 'fail-closed' | 'refuse-webhooks' | 'local-delivery';

/** One store in {@link ProxyHealth}. */
export interface StoreHealth {
  state: 'up' | 'down';
  policy: StorePolicy;
  /** When the current outage began (ISO 8601), `null` while up. */
  downSince: string | null;
  /** Class and code of the error that began the outage (never its message), `null` while up. */
  error: { errorClass: string; errorCode: string | null } | null;
  /** Calls that failed or exceeded `timeouts.storeMs`, since start. */
  failures: number;
  /** Calls answered by the policy instead of the store (unlimited requests, 503s, local deliveries), since start. */
  degradedCalls: number;
}

/** The proxy's readiness, from `proxy.health()`. */
export interface ProxyHealth {
  /**
   * `'ok'`: every store answers. `'degraded'`: a store is down and its policy keeps the app
   * working. `'unavailable'`: requests are refused (the rate-limit store is down with
   * `storeFailure: 'closed'`, or the options are invalid).
   */
  status: 'ok' | 'degraded' | 'unavailable';
  /** Only the stores in use: `rateLimit` unless rate limits are off, `dedupe` and `bus` with `events`. */
  stores: Partial<Record<StoreName, StoreHealth>>;
  /** The `ERR_CLINIK_*` code when the options are invalid (fetch mounts validate at the first request). */
  configError?: string;
}

/** The middleware: Express (`app.use(path, proxy)`) or plain `node:http` (`proxy(req, res)`). */
export type ClinikProxyHandler<Req extends IncomingMessage = IncomingMessage> = ((
  req: Req,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void) & {
  /** Ends live event streams and releases upstream connections; call on shutdown. */
  close(): Promise<void>;
  /** Each store's state, probed now (within `timeouts.storeMs`): for a readiness or status endpoint. */
  health(): Promise<ProxyHealth>;
};
