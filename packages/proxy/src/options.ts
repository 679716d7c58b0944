import { type Dispatcher, Pool } from 'undici';
import { normalizeOrigin } from './csrf.js';
import { ClinikProxyError } from './errors.js';
import { MemoryDedupeStore, MemoryEventBus } from './events/memory.js';
import type { DedupeStore, EventBus } from './events/types.js';
import { MemoryStore, type RateLimitStore } from './rate-limit/store.js';
import type {
  AuditEvent,
  AuthorizeContext,
  AuthorizeResult,
  Awaitable,
  ClinikProxyOptions,
  ProxyLogger,
} from './types.js';
import { closestName } from './typo.js';

const OPTION_NAMES = [
  'target',
  'apiKey',
  'authenticate',
  'authorize',
  'userIdOf',
  'enable',
  'rateLimit',
  'timeouts',
  'limits',
  'circuitBreaker',
  'retries',
  'dispatcher',
  'mountPath',
  'logger',
  'onAudit',
  'events',
  'allowTestKeyInProduction',
  'allowInsecureTargetInProduction',
  'validate',
  'clientAddressOf',
  'csrf',
  'actions',
] as const satisfies readonly (keyof ClinikProxyOptions)[];

/** `clk_test_` or `clk_live_` followed by the random part. */
export const KEY_FORMAT = /^clk_(test|live)_[A-Za-z0-9_-]{8,}$/;

/** Options after validation, with every default filled in. */
export interface ResolvedOptions<User, Req> {
  target: URL;
  getKey: () => Awaitable<string>;
  authenticate: (req: Req) => Awaitable<User | null | undefined>;
  authorize: (context: AuthorizeContext<User>) => Awaitable<AuthorizeResult>;
  userIdOf: (user: User) => string | undefined;
  clientAddressOf: ((req: Req) => string | undefined) | undefined;
  /** Serve the official widgets' `{ action, data }` protocol at `<mount>/actions`. */
  actions: boolean;
  /** Origins (besides the request's own) whose state-changing requests are accepted. */
  trustedOrigins: ReadonlySet<string>;
  enableFhir: boolean;
  enableBulk: boolean;
  rateLimit:
    | {
        limit: number;
        windowMs: number;
        store: RateLimitStore;
        keyOf: (user: User, id: string) => string;
        /** What requests get while the store is down. */
        storeFailure: 'open' | 'closed';
      }
    | undefined;
  upstreamTimeoutMs: number;
  /** The bound of every store call (rate limits, de-duplication, fan-out). */
  storeTimeoutMs: number;
  bodyTimeoutMs: number;
  bodyBytes: number;
  responseBytes: number;
  urlLength: number;
  headerCount: number;
  headerBytes: number;
  circuitBreaker: { failureThreshold: number; cooldownMs: number } | undefined;
  retries: number;
  dispatcher: Dispatcher;
  /** True when the proxy created the dispatcher, so `close()` may close it. */
  ownsDispatcher: boolean;
  mountPath: string;
  logger: ProxyLogger | undefined;
  onAudit: ((event: AuditEvent) => Awaitable<void>) | undefined;
  events:
    | {
        secrets: string[];
        bus: EventBus;
        dedupe: DedupeStore;
        heartbeatMs: number;
        toleranceSeconds: number;
        bufferSize: number;
      }
    | undefined;
}

const fail = (code: ConstructorParameters<typeof ClinikProxyError>[0], message: string) =>
  new ClinikProxyError(code, message);

/** Options that were renamed before 1.0, so the error names the new one. */
const RENAMED_OPTIONS: Record<string, string> = { agent: 'dispatcher' };

function checkKnownKeys(value: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const hint = RENAMED_OPTIONS[key] ?? closestName(key, known);
    // Only the option's name is echoed, never its value (it might be the key).
    // Option names are camelCase; anything else (a pasted key, say) is not repeated.
    const safeName = /^[A-Za-z][A-Za-z0-9]{0,39}$/.test(key) ? ` "${key}"` : '';
    throw fail(
      'ERR_CLINIK_UNKNOWN_OPTION',
      `clinikProxy: unknown ${where}${safeName}${hint ? `; did you mean "${hint}"?` : ''}`,
    );
  }
}

function positiveInt(value: unknown, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw fail('ERR_CLINIK_INVALID_OPTION', `clinikProxy: ${name} must be an integer >= ${min}`);
  }
  return value;
}

function optionalObject(
  value: unknown,
  name: string,
  known: readonly string[],
): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw fail('ERR_CLINIK_INVALID_OPTION', `clinikProxy: ${name} must be an object`);
  }
  checkKnownKeys(value, known, `${name} option`);
  return value as Record<string, unknown>;
}

function optionalFunction<F>(value: unknown, name: string): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'function') {
    throw fail('ERR_CLINIK_INVALID_OPTION', `clinikProxy: ${name} must be a function`);
  }
  return value as F;
}

function resolveTarget(value: unknown, production: boolean, allowInsecure: boolean): URL {
  if (value === undefined || value === '') {
    throw fail(
      'ERR_CLINIK_MISSING_OPTION',
      'clinikProxy: target is required (e.g. https://api.clinikapi.com)',
    );
  }
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw fail('ERR_CLINIK_INVALID_TARGET', 'clinikProxy: target is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw fail('ERR_CLINIK_INVALID_TARGET', 'clinikProxy: target must be an http(s) URL');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw fail(
      'ERR_CLINIK_INVALID_TARGET',
      'clinikProxy: target must not contain credentials, a query or a fragment',
    );
  }
  if (production && url.protocol !== 'https:' && !allowInsecure) {
    throw fail(
      'ERR_CLINIK_INSECURE_TARGET',
      'clinikProxy: target must use https in production (set allowInsecureTargetInProduction to override)',
    );
  }
  return url;
}

/** Checks a key's format; the message never contains the key. */
export function checkKeyFormat(key: unknown): key is string {
  return typeof key === 'string' && KEY_FORMAT.test(key);
}

function resolveKey(
  value: unknown,
  production: boolean,
  allowTestKey: boolean,
): () => Awaitable<string> {
  if (value === undefined || value === '') {
    throw fail(
      'ERR_CLINIK_MISSING_OPTION',
      'clinikProxy: apiKey is required (a clk_test_/clk_live_ key or a function returning one)',
    );
  }
  if (typeof value === 'function') return value as () => Awaitable<string>;
  if (!checkKeyFormat(value)) {
    throw fail(
      'ERR_CLINIK_INVALID_KEY_FORMAT',
      'clinikProxy: apiKey must be a ClinikAPI secret key starting with clk_test_ or clk_live_',
    );
  }
  if (production && value.startsWith('clk_test_') && !allowTestKey) {
    throw fail(
      'ERR_CLINIK_TEST_KEY_IN_PRODUCTION',
      'clinikProxy: a clk_test_ key is used with NODE_ENV=production (set allowTestKeyInProduction to override)',
    );
  }
  return () => value;
}

/** `user.id`, then `user.sub`; `undefined` when the user has neither (refused at request time). */
function defaultUserId(user: unknown): string | undefined {
  if (user !== null && typeof user === 'object') {
    const u = user as { id?: unknown; sub?: unknown };
    if (typeof u.id === 'string' || typeof u.id === 'number') return String(u.id);
    if (typeof u.sub === 'string') return u.sub;
  }
  return undefined;
}

/** JSON lines: requests on stdout, incidents on stderr. */
export const jsonLogger: ProxyLogger = {
  info: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
  warn: (line) => process.stderr.write(`${JSON.stringify(line)}\n`),
  error: (line) => process.stderr.write(`${JSON.stringify(line)}\n`),
};

/** Validates the options once, at creation; throws `ClinikProxyError` on any problem. */
export function resolveOptions<User, Req>(
  options: Readonly<ClinikProxyOptions<User, Req>>,
  mount: 'node' | 'fetch' = 'node',
): ResolvedOptions<User, Req> {
  if (options === null || typeof options !== 'object') {
    throw fail('ERR_CLINIK_INVALID_OPTION', 'clinikProxy: options must be an object');
  }
  checkKnownKeys(options, OPTION_NAMES, 'option');
  const production = process.env.NODE_ENV === 'production';
  const allowTestKey = options.allowTestKeyInProduction === true;
  const allowInsecure = options.allowInsecureTargetInProduction === true;

  const target = resolveTarget(options.target, production, allowInsecure);
  const getKey = resolveKey(options.apiKey, production, allowTestKey);

  const authenticate = optionalFunction<ResolvedOptions<User, Req>['authenticate']>(
    options.authenticate,
    'authenticate',
  );
  if (!authenticate) {
    throw fail(
      'ERR_CLINIK_MISSING_OPTION',
      'clinikProxy: authenticate is required (return the user or null)',
    );
  }
  const authorize = optionalFunction<ResolvedOptions<User, Req>['authorize']>(
    options.authorize,
    'authorize',
  );
  if (!authorize) {
    throw fail(
      'ERR_CLINIK_MISSING_OPTION',
      'clinikProxy: authorize is required (e.g. staff(), readOnly(), patientPortal())',
    );
  }

  const enable = optionalObject(options.enable, 'enable', ['fhir', 'bulk']);
  const timeouts = optionalObject(options.timeouts, 'timeouts', [
    'upstreamMs',
    'bodyMs',
    'storeMs',
  ]);
  const limits = optionalObject(options.limits, 'limits', [
    'bodyBytes',
    'responseBytes',
    'urlLength',
    'headerCount',
    'headerBytes',
  ]);

  let rateLimit: ResolvedOptions<User, Req>['rateLimit'];
  if (options.rateLimit !== false) {
    const r = optionalObject(options.rateLimit, 'rateLimit', [
      'limit',
      'windowMs',
      'store',
      'keyOf',
      'storeFailure',
    ]);
    if (r.storeFailure !== undefined && r.storeFailure !== 'open' && r.storeFailure !== 'closed') {
      throw fail(
        'ERR_CLINIK_INVALID_OPTION',
        "clinikProxy: rateLimit.storeFailure must be 'open' or 'closed'",
      );
    }
    const store = r.store ?? new MemoryStore();
    if (
      typeof store !== 'object' ||
      store === null ||
      typeof (store as RateLimitStore).increment !== 'function'
    ) {
      throw fail(
        'ERR_CLINIK_INVALID_OPTION',
        'clinikProxy: rateLimit.store must implement increment()',
      );
    }
    rateLimit = {
      limit: positiveInt(r.limit, 'rateLimit.limit', 300),
      windowMs: positiveInt(r.windowMs, 'rateLimit.windowMs', 60_000),
      store: store as RateLimitStore,
      keyOf:
        optionalFunction<(user: User, id: string) => string>(r.keyOf, 'rateLimit.keyOf') ??
        ((_user, id) => id),
      storeFailure: r.storeFailure === 'closed' ? 'closed' : 'open',
    };
  }

  let circuitBreaker: ResolvedOptions<User, Req>['circuitBreaker'];
  if (options.circuitBreaker !== false) {
    const c = optionalObject(options.circuitBreaker, 'circuitBreaker', [
      'failureThreshold',
      'cooldownMs',
    ]);
    circuitBreaker = {
      failureThreshold: positiveInt(c.failureThreshold, 'circuitBreaker.failureThreshold', 5),
      cooldownMs: positiveInt(c.cooldownMs, 'circuitBreaker.cooldownMs', 30_000),
    };
  }

  // Duck-typed: an app may bring its own copy of undici.
  if (
    options.dispatcher !== undefined &&
    typeof (options.dispatcher as Partial<Dispatcher> | null)?.dispatch !== 'function'
  ) {
    throw fail(
      'ERR_CLINIK_INVALID_OPTION',
      'clinikProxy: dispatcher must be an undici Dispatcher (a Pool or an Agent)',
    );
  }
  // Keep-alive connections to the one upstream origin; undici never follows redirects here.
  // Its own header/body timeouts are off: `timeouts.upstreamMs` is the one deadline (504).

  if (mount === 'fetch' && options.mountPath === undefined) {
    throw fail(
      'ERR_CLINIK_MISSING_OPTION',
      'clinikFetchProxy: mountPath is required: the path the handler is mounted at, e.g. /api/clinik ("" when it serves the whole origin)',
    );
  }
  if (
    options.validate !== undefined &&
    options.validate !== 'on-create' &&
    options.validate !== 'on-first-request'
  ) {
    throw fail(
      'ERR_CLINIK_INVALID_OPTION',
      "clinikProxy: validate must be 'on-create' or 'on-first-request'",
    );
  }
  const mountPath = options.mountPath ?? '';
  if (
    typeof mountPath !== 'string' ||
    (mountPath !== '' && !/^(\/[A-Za-z0-9\-_.]+)+$/.test(mountPath))
  ) {
    throw fail('ERR_CLINIK_INVALID_OPTION', 'clinikProxy: mountPath must look like /api/clinik');
  }

  let logger: ProxyLogger | undefined;
  if (options.logger !== false) {
    const l = options.logger ?? jsonLogger;
    if (
      typeof l !== 'object' ||
      l === null ||
      ['info', 'warn', 'error'].some(
        (m) => typeof (l as unknown as Record<string, unknown>)[m] !== 'function',
      )
    ) {
      throw fail(
        'ERR_CLINIK_INVALID_OPTION',
        'clinikProxy: logger must have info, warn and error methods',
      );
    }
    logger = l;
  }

  for (const flag of ['allowTestKeyInProduction', 'allowInsecureTargetInProduction'] as const) {
    if (options[flag] !== undefined && typeof options[flag] !== 'boolean') {
      throw fail('ERR_CLINIK_INVALID_OPTION', `clinikProxy: ${flag} must be a boolean`);
    }
  }

  let events: ResolvedOptions<User, Req>['events'];
  const e =
    options.events === undefined
      ? undefined
      : optionalObject(options.events, 'events', [
          'webhookSecret',
          'webhookSecrets',
          'store',
          'heartbeatMs',
          'toleranceSeconds',
          'bufferSize',
        ]);
  // `events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET }` with the variable unset
  // (or empty): live updates are optional, so they are off, with a warning, not a startup error.
  // `events: {}` names no secret at all and is still refused.
  const unsetSecret =
    e !== undefined &&
    Object.hasOwn(e, 'webhookSecret') &&
    (e.webhookSecret === undefined || e.webhookSecret === '') &&
    e.webhookSecrets === undefined;
  if (e !== undefined && !unsetSecret) {
    const secrets = [
      ...(e.webhookSecret === undefined ? [] : [e.webhookSecret]),
      ...(Array.isArray(e.webhookSecrets) ? e.webhookSecrets : []),
    ];
    if (
      (e.webhookSecrets !== undefined && !Array.isArray(e.webhookSecrets)) ||
      secrets.length === 0 ||
      secrets.some((secret) => typeof secret !== 'string' || secret.length < 8)
    ) {
      throw fail(
        'ERR_CLINIK_INVALID_OPTION',
        'clinikProxy: events needs webhookSecret (or webhookSecrets): the signing secret(s) of your webhook endpoint',
      );
    }
    const store = e.store as { bus?: EventBus; dedupe?: DedupeStore } | undefined;
    if (
      store !== undefined &&
      (typeof store?.bus?.publish !== 'function' || typeof store?.dedupe?.claim !== 'function')
    ) {
      throw fail(
        'ERR_CLINIK_INVALID_OPTION',
        'clinikProxy: events.store must be { bus, dedupe } (e.g. redisStores() from @clinikapi/proxy/redis)',
      );
    }
    events = {
      secrets: secrets as string[],
      bus: store?.bus ?? new MemoryEventBus(),
      dedupe: store?.dedupe ?? new MemoryDedupeStore(),
      heartbeatMs: positiveInt(e.heartbeatMs, 'events.heartbeatMs', 15_000),
      toleranceSeconds: positiveInt(e.toleranceSeconds, 'events.toleranceSeconds', 300),
      bufferSize: positiveInt(e.bufferSize, 'events.bufferSize', 1000),
    };
  }

  if (unsetSecret) {
    logger?.warn({
      msg: 'clinik-proxy live updates are off: events.webhookSecret is not set (give the signing secret of your webhook endpoint to turn them on)',
    });
  }
  if (options.actions !== undefined && typeof options.actions !== 'boolean') {
    throw fail('ERR_CLINIK_INVALID_OPTION', 'clinikProxy: actions must be a boolean');
  }
  const csrf = optionalObject(options.csrf, 'csrf', ['trustedOrigins']);
  const trusted = csrf.trustedOrigins ?? [];
  const trustedOrigins = new Set<string>();
  if (!Array.isArray(trusted)) {
    throw fail('ERR_CLINIK_INVALID_OPTION', 'clinikProxy: csrf.trustedOrigins must be an array');
  }
  for (const entry of trusted) {
    const origin = normalizeOrigin(entry);
    if (!origin) {
      throw fail(
        'ERR_CLINIK_INVALID_OPTION',
        'clinikProxy: csrf.trustedOrigins entries must be origins like https://app.example.com (no path)',
      );
    }
    trustedOrigins.add(origin);
  }
  const onAudit = optionalFunction<(event: AuditEvent) => Awaitable<void>>(
    options.onAudit,
    'onAudit',
  );
  return {
    events,
    target,
    getKey,
    authenticate,
    authorize,
    userIdOf:
      optionalFunction<(user: User) => string>(options.userIdOf, 'userIdOf') ?? defaultUserId,
    trustedOrigins,
    actions: options.actions === true,
    clientAddressOf: optionalFunction<(req: Req) => string | undefined>(
      options.clientAddressOf,
      'clientAddressOf',
    ),
    enableFhir: enable.fhir === true,
    enableBulk: enable.bulk === true,
    rateLimit,
    upstreamTimeoutMs: positiveInt(timeouts.upstreamMs, 'timeouts.upstreamMs', 30_000),
    bodyTimeoutMs: positiveInt(timeouts.bodyMs, 'timeouts.bodyMs', 30_000),
    storeTimeoutMs: positiveInt(timeouts.storeMs, 'timeouts.storeMs', 500),
    bodyBytes: positiveInt(limits.bodyBytes, 'limits.bodyBytes', 1_048_576),
    responseBytes: positiveInt(limits.responseBytes, 'limits.responseBytes', 16_777_216),
    urlLength: positiveInt(limits.urlLength, 'limits.urlLength', 2048),
    headerCount: positiveInt(limits.headerCount, 'limits.headerCount', 64),
    headerBytes: positiveInt(limits.headerBytes, 'limits.headerBytes', 16_384),
    circuitBreaker,
    retries: positiveInt(options.retries, 'retries', 1, 0),
    // Created last, so an option refused above leaves no pool behind.
    dispatcher:
      options.dispatcher ??
      new Pool(target.origin, { connections: 64, headersTimeout: 0, bodyTimeout: 0 }),
    ownsDispatcher: options.dispatcher === undefined,
    mountPath,
    logger,
    onAudit,
  };
}

/** Where a configuration error is logged: the app's logger when it has one, else JSON lines. */
export function configLogger(options: unknown): ProxyLogger {
  const logger = (options as { logger?: unknown } | null)?.logger;
  if (logger === false) return { info() {}, warn() {}, error() {} };
  const l = logger as Partial<ProxyLogger> | undefined;
  return typeof l?.error === 'function' ? (l as ProxyLogger) : jsonLogger;
}

/** The log line of a configuration error found at the first request (never the key). */
export function configErrorLine(error: unknown): Record<string, unknown> {
  return {
    msg: 'clinik-proxy configuration error',
    code: error instanceof ClinikProxyError ? error.code : 'ERR_CLINIK_INVALID_OPTION',
    // ClinikProxyError messages name the option, never a key or secret.
    detail: error instanceof ClinikProxyError ? error.message : undefined,
  };
}
