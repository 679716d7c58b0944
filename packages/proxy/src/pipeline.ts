import { randomUUID } from 'node:crypto';
import { getResource, isIdempotentRequest } from '@clinikapi/core';
import { mapAction } from './actions.js';
import { type BodySource, bufferBody } from './body.js';
import { rewriteJobLinks } from './bulk-job.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { checkCrossSite } from './csrf.js';
import { deliverResponse, type ExchangeResult, leaks } from './deliver.js';
import { downloadReply } from './download.js';
import { openUpstreamStream } from './download-upstream.js';
import { ClinikProxyError, describeError } from './errors.js';
import { LiveEvents } from './events/live.js';
import { lastEventIdOf } from './events/stream.js';
import { ENTITY_TAG, rawHeadersOf, upstreamRequestHeaders } from './headers.js';
import {
  bodyRespects,
  type NarrowingPlan,
  planNarrowing,
  recordMatches,
  selfOwnedMismatch,
} from './narrowing.js';
import { checkKeyFormat, type ResolvedOptions } from './options.js';
import {
  addressBucket,
  createLimiter,
  type Limiter,
  legacyRateLimitHeaders,
  rateLimitHeaders,
} from './rate-limit/limiter.js';
import { errorReply, jsonReply, type Reply, type RequestState } from './respond.js';
import {
  BULK_DOWNLOAD_TEMPLATE,
  BULK_EXPORT_ROUTE,
  BULK_JOB_TEMPLATE,
  parseTarget,
} from './route.js';
import { screenRequest } from './screen.js';
import { StoreGuard } from './stores/guard.js';
import type { AuthorizeNarrowing, ProxyHealth, ProxyRoute } from './types.js';
import { sendUpstream } from './upstream.js';

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json(-patch\+json)?\s*(;|$)/i;

/** The header reads the pipeline makes: a Web `Headers`, or a view with the same methods. */
export type HeaderView = Pick<Headers, 'get' | 'has'>;

/**
 * The part of a Web `Request` the pipeline reads (its method and headers; the body comes through
 * `MountContext.body`). The fetch mount passes the `Request` itself; the node mount passes a
 * view over the node request with the same shape, as `@hono/node-server` does, instead of
 * building an undici `Request` and `Headers` per request (about 15 µs of CPU).
 */
export interface CoreRequest {
  readonly method: string;
  readonly headers: HeaderView;
}

/**
 * What a mount knows about a request beyond the Web `Request` it hands the pipeline. The node
 * mount fills in everything; the fetch mount derives it from the `Request`.
 */
export interface MountContext<Req> {
  /** What `authenticate` receives: the node request in Express/node:http, the `Request` otherwise. */
  native: Req;
  /**
   * The request target exactly as received (`/api/clinik/v1/patients?x=1`), before any URL
   * normalisation, so hostile paths are judged on their raw bytes.
   */
  target: string;
  /** The mount point when the framework already stripped it (Express's `req.baseUrl`). */
  mount?: string | undefined;
  /** Header name/value pairs as received (count and size limits). */
  rawHeaders: readonly string[];
  /** The client's address (failed sign-in limits), when the mount knows it. */
  remoteAddress: string | undefined;
  body: BodySource;
  /** Subscribes to the client going away; returns the unsubscribe function. */
  onClientGone: ((listener: () => void) => () => void) | undefined;
}

/** The pipeline's answer: `undefined` when the request is outside the mount path (not ours). */
export type PipelineResult = Reply | undefined;

/**
 * The proxy as a pipeline of named stages over a Web `Request`:
 * locate -> screen -> (webhooks | events | REST) -> authenticate -> authorize (narrow)
 * -> read body -> forward -> deliver. The mount writes the reply and emits the audit line.
 */
export class ProxyPipeline<User, Req> {
  private readonly limiter: Limiter | undefined;
  /** The rate-limit store's bound, state and outage policy. */
  private readonly rateGuard: StoreGuard | undefined;
  private readonly breaker;
  private readonly live: LiveEvents<User, Req> | undefined;
  /** The key in use and the ones before it (after a rotation), all scanned for in responses. */
  private recentKeys: string[] = [];
  private closing: Promise<void> | undefined;

  constructor(readonly config: ResolvedOptions<User, Req>) {
    this.live = config.events ? new LiveEvents(config) : undefined;
    const { rateLimit, circuitBreaker } = config;
    if (rateLimit) {
      const { store } = rateLimit;
      this.rateGuard = new StoreGuard({
        store: 'rateLimit',
        policy: rateLimit.storeFailure === 'closed' ? 'fail-closed' : 'fail-open',
        timeoutMs: config.storeTimeoutMs,
        logger: config.logger,
        probe: store.ping ? () => store.ping?.() : undefined,
      });
      this.limiter = createLimiter({ ...rateLimit, guard: this.rateGuard });
    }
    this.breaker = circuitBreaker
      ? new CircuitBreaker(circuitBreaker.failureThreshold, circuitBreaker.cooldownMs)
      : undefined;
  }

  /** Stage "locate": the target relative to the mount point, and that mount point. */
  locate(context: MountContext<Req>): { url: string; mount: string } | undefined {
    const url = context.target;
    // Express strips its mount path from req.url and keeps it in req.baseUrl.
    if (typeof context.mount === 'string') return { url, mount: context.mount };
    const { mountPath } = this.config;
    // Absolute-form and other non-path targets are ours to refuse (400), wherever they point.
    if (mountPath === '' || !url.startsWith('/')) return { url, mount: mountPath };
    if (url === mountPath) return { url: '/', mount: mountPath };
    const rest = url.slice(mountPath.length);
    if (url.startsWith(mountPath) && (rest.startsWith('/') || rest.startsWith('?'))) {
      return { url: rest, mount: mountPath };
    }
    return undefined;
  }

  /** A fresh per-request state (request id, timings) for a located request. */
  begin(method: string): RequestState {
    const requestId = `req_${randomUUID().replaceAll('-', '')}`;
    return {
      requestId,
      startedAt: Date.now(),
      startedAtMonotonic: performance.now(),
      method: method.toUpperCase(),
      userId: null,
      route: null,
      resourceId: null,
      error: null,
      action: null,
      unlimited: false,
      ownHeaders: { 'x-request-id': requestId },
    };
  }

  /** Runs every stage after "locate" for a located request. */
  async run(
    request: CoreRequest,
    context: MountContext<Req>,
    located: { url: string; mount: string },
    state: RequestState,
  ): Promise<Reply> {
    const { config } = this;
    const { method } = state;

    // Stage "screen": request line and headers only.
    const refusal = screenRequest(request.headers, context.rawHeaders, method, config);
    if (refusal) {
      return errorReply(state, refusal.status, refusal.error, refusal.message, refusal.headers);
    }

    const queryStart = located.url.indexOf('?');
    const path = queryStart === -1 ? located.url : located.url.slice(0, queryStart);
    const isWebhook = this.live !== undefined && path === '/webhooks';

    // Stage "screen", cross-site part: every state-changing route, present and future, except
    // the webhook receiver (its deliveries are signed and come from no browser).
    if (!isWebhook) {
      const crossSite = checkCrossSite(method, request.headers, config.trustedOrigins);
      if (crossSite) {
        context.body.discard();
        return errorReply(state, crossSite.status, crossSite.error, crossSite.message);
      }
    }

    if (this.live) {
      if (isWebhook) {
        state.route = '/webhooks';
        const outcome = await this.live.receive(method, request.headers, context.body);
        return jsonReply(state, outcome.status, outcome.body, outcome.headers);
      }
      if (path === '/events') {
        state.route = '/events';
        return this.streamEvents(request, context, state, located.url.slice(path.length + 1));
      }
    }

    if (config.actions && path === '/actions') {
      return this.runAction(request, context, located.mount, state);
    }

    const parsed = parseTarget(located.url, method, {
      enableFhir: config.enableFhir,
      enableBulk: config.enableBulk,
      urlLength: config.urlLength,
    });
    if ('status' in parsed) {
      return errorReply(
        state,
        parsed.status,
        parsed.error,
        parsed.message,
        parsed.allow ? { allow: parsed.allow.join(', ') } : {},
      );
    }
    return this.forwardRoute(request, context, located.mount, state, parsed.route, parsed.query);
  }

  /**
   * The actions endpoint (`{ action, data }`, the official widgets' protocol): the action becomes
   * the REST request it stands for, which then runs every stage a REST request runs.
   */
  private async runAction(
    request: CoreRequest,
    context: MountContext<Req>,
    mount: string,
    state: RequestState,
  ): Promise<Reply> {
    const { config } = this;
    state.route = '/actions';
    if (state.method !== 'POST') {
      context.body.discard();
      return errorReply(state, 405, 'METHOD_NOT_ALLOWED', 'Actions are sent with POST', {
        allow: 'POST',
      });
    }
    const type = request.headers.get('content-type');
    if (type === null || !JSON_TYPE.test(type)) {
      context.body.discard();
      return errorReply(state, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json)');
    }
    const read = await context.body.read(config.bodyBytes, config.bodyTimeoutMs);
    if (!read.ok) {
      return errorReply(state, read.status, read.error, read.message, { connection: 'close' });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(read.body.toString('utf8'));
    } catch {
      return errorReply(state, 400, 'INVALID_JSON', 'Request body is not valid JSON');
    }
    const mapped = mapAction(payload);
    if (!mapped.ok) return errorReply(state, mapped.status, mapped.error, mapped.message);
    state.action = mapped.action;
    state.method = mapped.method;
    const parsed = parseTarget(mapped.target, mapped.method, {
      enableFhir: false,
      enableBulk: false,
      urlLength: config.urlLength,
    });
    if ('status' in parsed) {
      return errorReply(state, parsed.status, parsed.error, parsed.message);
    }
    const actionContext: MountContext<Req> = {
      ...context,
      body: bufferBody(mapped.body ?? Buffer.alloc(0)),
    };
    return this.forwardRoute(request, actionContext, mount, state, parsed.route, parsed.query);
  }

  /** Stages "authenticate", "authorize", "read body", "forward" and "deliver" of one REST route. */
  private async forwardRoute(
    request: CoreRequest,
    context: MountContext<Req>,
    mount: string,
    state: RequestState,
    route: ProxyRoute,
    query: Record<string, string>,
  ): Promise<Reply> {
    const { config } = this;
    const { method } = state;
    state.route = route.template;
    state.resourceId = route.id ?? null;

    const admitted = await this.admit(context, state, route, query);
    if ('status' in admitted) return admitted;
    const plan = admitted;

    const payload = await this.readPayload(request, context, state, method, plan);
    if ('status' in payload) return payload;
    const { body, reserializedJson } = payload;

    let apiKey: string;
    try {
      apiKey = await config.getKey();
    } catch {
      apiKey = '';
    }
    if (!checkKeyFormat(apiKey)) {
      config.logger?.error({
        msg: 'clinik-proxy apiKey function returned no valid key',
        requestId: state.requestId,
      });
      return errorReply(state, 500, 'INTERNAL_ERROR', 'The proxy is misconfigured');
    }
    this.rememberKey(apiKey);

    if (route.template === BULK_DOWNLOAD_TEMPLATE) {
      return this.forwardDownload(request.headers, context, state, route, apiKey, mount);
    }

    const search = new URLSearchParams(query).toString();
    const exchange = (m: string, payload: Buffer, checkedVersion?: string) =>
      this.exchange(request.headers, context, {
        method: m,
        pathAndQuery: m === 'GET' && search ? `${route.path}?${search}` : route.path,
        body: payload,
        // A body parser's output is sent as UTF-8 JSON, whatever charset the client declared.
        contentType: reserializedJson ? 'application/json' : undefined,
        // Ownership checks need the full record: a 304 or 412 would skip the check (and hint
        // that another patient's record exists).
        conditional: plan.kind !== 'check-record' || m !== 'GET',
        checkedVersion,
        apiKey,
        requestId: state.requestId,
      });

    // Updates and deletes of a narrowed record: read it first and check whom it belongs to.
    const needsPreRead =
      plan.kind === 'check-record' &&
      method !== 'GET' &&
      !(route.kind === 'resource' && isSelfOwned(route));
    if (needsPreRead) {
      const read = await exchange('GET', Buffer.alloc(0));
      if (read.kind !== 'response' || read.status !== 200) {
        return this.deliver(state, read, mount);
      }
      if (!this.recordAllowed(read.body, plan, route)) {
        return errorReply(state, 404, 'NOT_FOUND', 'Resource not found');
      }
      // The write must hit the version whose owner was just checked: if the record changes
      // between the check and the write (moved to another patient), the API answers 412.
      const checked = read.headers.etag;
      const result = await exchange(
        method,
        body,
        typeof checked === 'string' && ENTITY_TAG.test(checked) ? checked : undefined,
      );
      return this.deliver(state, result, mount);
    }

    let result = await exchange(method, body);
    if (
      route.template === BULK_JOB_TEMPLATE &&
      route.id !== undefined &&
      result.kind === 'response' &&
      result.status === 200 &&
      !leaks(result, this.recentKeys)
    ) {
      result = this.withLocalJobLinks(result, route.id, mount, state);
    }
    if (
      plan.kind === 'check-record' &&
      method === 'GET' &&
      result.kind === 'response' &&
      result.status === 200 &&
      !leaks(result, this.recentKeys) &&
      !this.recordAllowed(result.body, plan, route)
    ) {
      return errorReply(state, 404, 'NOT_FOUND', 'Resource not found');
    }
    return this.deliver(state, result, mount);
  }

  /**
   * A bulk export's download: streamed from the data API (see `downloadReply`), one attempt, no
   * retries. Failures before the body starts answer as any other upstream failure does.
   */
  private async forwardDownload(
    incoming: HeaderView,
    context: MountContext<Req>,
    state: RequestState,
    route: ProxyRoute,
    apiKey: string,
    mount: string,
  ): Promise<Reply> {
    const { config, breaker } = this;
    const headers = upstreamRequestHeaders(incoming, {
      apiKey,
      requestId: state.requestId,
      host: config.target.host,
      contentLength: undefined,
    });
    for (const name of ['content-type', 'if-match', 'if-none-match', 'prefer'])
      delete headers[name];
    headers.accept = 'application/fhir+ndjson, application/x-ndjson, application/json';
    const waitMs = breaker?.acquire() ?? 0;
    if (waitMs > 0) return this.deliver(state, { kind: 'open', waitMs }, mount);
    const result = await openUpstreamStream({
      target: config.target,
      method: 'GET',
      pathAndQuery: route.path,
      headers,
      body: Buffer.alloc(0),
      dispatcher: config.dispatcher,
      timeoutMs: config.upstreamTimeoutMs,
      maxResponseBytes: config.responseBytes,
      onClientGone: context.onClientGone,
    });
    if (result.kind === 'aborted') breaker?.release();
    else if (
      result.kind === 'network' ||
      result.kind === 'timeout' ||
      (result.kind === 'response' && result.status >= 502 && result.status <= 504)
    ) {
      breaker?.recordFailure();
    } else breaker?.recordSuccess();
    if (result.kind !== 'stream') return this.deliver(state, result, mount);
    return downloadReply(state, result.stream, {
      keys: this.recentKeys,
      maxBytes: config.responseBytes,
      jobId: route.id ?? 'export',
      logger: config.logger,
    });
  }

  /** A bulk job with its download links pointing through the proxy (others removed and logged). */
  private withLocalJobLinks(
    result: Extract<ExchangeResult, { kind: 'response' }>,
    jobId: string,
    mount: string,
    state: RequestState,
  ): Extract<ExchangeResult, { kind: 'response' }> {
    const links = rewriteJobLinks(result.body, jobId, this.config.target, mount);
    if (links.dropped > 0) {
      // Never the URLs themselves: a presigned URL is a credential.
      this.config.logger?.warn({
        msg: 'clinik-proxy removed bulk job links that point outside the data API',
        requestId: state.requestId,
        route: state.route,
        dropped: links.dropped,
      });
    }
    return links.body === result.body ? result : { ...result, body: links.body };
  }

  /** The client's address: the app's `clientAddressOf`, else what the mount knows (the socket). */
  private clientAddress(context: MountContext<Req>): string | undefined {
    const { clientAddressOf } = this.config;
    if (!clientAddressOf) return context.remoteAddress;
    try {
      const address = clientAddressOf(context.native);
      return typeof address === 'string' && address !== '' ? address : undefined;
    } catch {
      return undefined;
    }
  }

  private rememberKey(key: string): void {
    if (key === '' || this.recentKeys[0] === key) return;
    this.recentKeys = [key, ...this.recentKeys.filter((k) => k !== key)].slice(0, 4);
  }

  /**
   * Each store's state, probed now within the store bound: `'unavailable'` when requests are
   * refused (rate-limit store down with `storeFailure: 'closed'`), `'degraded'` when a store is
   * down but its policy keeps the app working.
   */
  async health(): Promise<ProxyHealth> {
    const guards = [this.rateGuard, ...(this.live?.guards ?? [])].filter(
      (guard): guard is StoreGuard => guard !== undefined,
    );
    await Promise.all(guards.map((guard) => guard.check()));
    const stores: ProxyHealth['stores'] = {};
    for (const guard of guards) stores[guard.name] = guard.report();
    const refusing = this.rateGuard?.isDown === true && this.rateGuard.policy === 'fail-closed';
    return {
      status: refusing ? 'unavailable' : guards.some((g) => g.isDown) ? 'degraded' : 'ok',
      stores,
    };
  }

  /**
   * Ends live event streams (clients reconnect elsewhere), then the upstream connections once
   * their requests are answered (unless the app brought its own dispatcher). Safe to call twice.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.live?.close();
      if (this.config.ownsDispatcher) await this.config.dispatcher.close();
    })();
    return this.closing;
  }

  /** The Server-Sent Events stream of a signed-in user. */
  private async streamEvents(
    request: CoreRequest,
    context: MountContext<Req>,
    state: RequestState,
    search: string,
  ): Promise<Reply> {
    if (state.method !== 'GET') {
      return errorReply(state, 405, 'METHOD_NOT_ALLOWED', 'The event stream is read with GET', {
        allow: 'GET',
      });
    }
    const user = await this.authenticateOnly(context, state);
    if (!isUser(user) || !this.live) return user as Reply;
    const reply = await this.live.connect(user.user, lastEventIdOf(request.headers, search));
    reply.state = state;
    Object.assign(reply.headers, state.ownHeaders);
    return reply;
  }

  /** Stage "authenticate" (and the per-user rate limit): the user, or the reply refusing them. */
  private async authenticateOnly(
    context: MountContext<Req>,
    state: RequestState,
  ): Promise<{ user: User } | Reply> {
    const { config } = this;
    let user: User | null | undefined;
    try {
      user = await config.authenticate(context.native);
    } catch (error) {
      config.logger?.error({
        msg: 'clinik-proxy authenticate failed',
        requestId: state.requestId,
        ...describeError(error),
      });
      return errorReply(state, 500, 'INTERNAL_ERROR', 'Authentication failed unexpectedly');
    }
    if (user === null || user === undefined) {
      // Failed sign-ins are limited per client address too, so a flood cannot keep
      // `authenticate` (sessions, JWKS) busy; signed-in users are unaffected.
      let budget: Record<string, string> = {};
      if (this.limiter && config.rateLimit) {
        const decision = await this.limiter.check(
          `anonymous:${addressBucket(this.clientAddress(context))}`,
        );
        // Without the store, a failed sign-in is still refused (401) under either policy.
        if (!('unavailable' in decision)) {
          if (!decision.allowed) {
            return errorReply(state, 429, 'RATE_LIMITED', 'Too many requests', {
              ...rateLimitHeaders(decision),
              ...legacyRateLimitHeaders(decision),
              'retry-after': String(decision.resetSeconds),
            });
          }
          // The client address's budget, so a client can see how many more failures it has.
          budget = rateLimitHeaders(decision);
        }
      }
      return errorReply(state, 401, 'UNAUTHORIZED', 'Authentication required', budget);
    }
    let userId: unknown;
    try {
      userId = config.userIdOf(user);
    } catch {
      userId = undefined;
    }
    if (typeof userId !== 'string' || userId === '') {
      // Without an id every user would share one rate-limit budget and one audit identity.
      config.logger?.error({
        msg: 'clinik-proxy authenticate returned a user without an id: give users an id or sub, or pass userIdOf',
        requestId: state.requestId,
      });
      return errorReply(state, 500, 'INTERNAL_ERROR', 'The proxy is misconfigured');
    }
    state.userId = userId;
    if (this.limiter && config.rateLimit) {
      const decision = await this.limiter.check(config.rateLimit.keyOf(user, userId));
      if ('unavailable' in decision) {
        if (config.rateLimit.storeFailure === 'closed') {
          return errorReply(
            state,
            503,
            'SERVICE_UNAVAILABLE',
            'Rate limiting is unavailable; retry shortly',
            { 'retry-after': String(decision.retryAfterSeconds) },
          );
        }
        // Fail open: the request proceeds uncounted, and its audit event says so.
        state.unlimited = true;
        return { user };
      }
      Object.assign(state.ownHeaders, rateLimitHeaders(decision));
      if (!decision.allowed) {
        return errorReply(state, 429, 'RATE_LIMITED', 'Too many requests', {
          ...legacyRateLimitHeaders(decision),
          'retry-after': String(decision.resetSeconds),
        });
      }
    }
    return { user };
  }

  /**
   * Stages "authenticate" and "authorize and narrow": the narrowing to enforce, or the reply
   * that ends the request here.
   */
  private async admit(
    context: MountContext<Req>,
    state: RequestState,
    route: ProxyRoute,
    query: Record<string, string>,
  ): Promise<NarrowingPlan | Reply> {
    const { method } = state;
    const authenticated = await this.authenticateOnly(context, state);
    if (!isUser(authenticated)) return authenticated;
    const { user } = authenticated;

    const plan = await this.authorizeRoute(user, method, route, query, state);
    if ('status' in plan) return plan;
    if (route.template === BULK_DOWNLOAD_TEMPLATE) {
      // An export's output is the whole organization: only who may start one may fetch one.
      const asExport = await this.authorizeRoute(user, 'POST', BULK_EXPORT_ROUTE, {}, state);
      if ('status' in asExport) return asExport;
    }
    if (plan.kind === 'force-query') Object.assign(query, plan.query);
    if (plan.kind === 'check-record' && selfOwnedMismatch(plan.constraints, route)) {
      return errorReply(state, 404, 'NOT_FOUND', 'Resource not found');
    }
    return plan;
  }

  /** Asks `authorize` about one route: the narrowing to enforce, or the 403/500 reply. */
  private async authorizeRoute(
    user: User,
    method: string,
    route: ProxyRoute,
    query: Record<string, string>,
    state: RequestState,
  ): Promise<NarrowingPlan | Reply> {
    const { config } = this;
    let decision: Awaited<ReturnType<typeof config.authorize>>;
    try {
      decision = await config.authorize({
        user,
        method,
        route,
        resource: route.resource,
        id: route.id,
        query: Object.freeze({ ...query }),
      });
    } catch (error) {
      config.logger?.error({
        msg: 'clinik-proxy authorize failed',
        requestId: state.requestId,
        ...describeError(error),
      });
      return errorReply(state, 500, 'INTERNAL_ERROR', 'Authorization failed unexpectedly');
    }
    if (decision !== true && (typeof decision !== 'object' || decision === null)) {
      return errorReply(state, 403, 'FORBIDDEN', 'Not allowed');
    }
    const plan: NarrowingPlan =
      decision === true
        ? { kind: 'none' }
        : planNarrowing(decision as AuthorizeNarrowing, route, method);
    if (plan.kind === 'deny') return errorReply(state, 403, 'FORBIDDEN', 'Not allowed');
    return plan;
  }

  /**
   * Stage "read body": the body to forward (empty for GET and DELETE), checked against the
   * narrowing, or the reply refusing it.
   */
  private async readPayload(
    request: CoreRequest,
    context: MountContext<Req>,
    state: RequestState,
    method: string,
    plan: NarrowingPlan,
  ): Promise<{ body: Buffer; reserializedJson: boolean } | Reply> {
    const { config } = this;
    let body: Buffer = Buffer.alloc(0);
    let reserializedJson = false;
    if (BODY_METHODS.has(method)) {
      const type = request.headers.get('content-type');
      if (type === null || !JSON_TYPE.test(type)) {
        return errorReply(state, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json)');
      }
      const read = await context.body.read(config.bodyBytes, config.bodyTimeoutMs);
      if (!read.ok) {
        return errorReply(state, read.status, read.error, read.message, { connection: 'close' });
      }
      body = read.body;
      if (body.length === 0) {
        // Every write takes a JSON body; an empty one is refused here, whichever mount (and body
        // parser) it came through.
        return errorReply(state, 400, 'INVALID_JSON', 'Request body is empty');
      }
      if (read.json) reserializedJson = true;
      if (plan.kind === 'check-body' || (plan.kind === 'check-record' && plan.checkBody)) {
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          return errorReply(state, 400, 'INVALID_JSON', 'Request body is not valid JSON');
        }
        if (
          !bodyRespects(json, plan.constraints, plan.kind === 'check-body' ? 'create' : 'update')
        ) {
          return errorReply(state, 403, 'FORBIDDEN', 'Not allowed');
        }
      }
    } else {
      context.body.discard();
    }
    return { body, reserializedJson };
  }

  /** Stage "deliver": the upstream result as the client's reply. */
  private deliver(state: RequestState, result: ExchangeResult, mount: string): Reply {
    return deliverResponse(state, result, {
      // The key of this request is always the first of them (see rememberKey).
      apiKey: this.recentKeys,
      mount,
      target: this.config.target,
      logger: this.config.logger,
    });
  }

  private recordAllowed(
    body: Buffer,
    plan: Extract<NarrowingPlan, { kind: 'check-record' }>,
    route: ProxyRoute,
  ): boolean {
    try {
      const envelope = JSON.parse(body.toString('utf8')) as { data?: unknown };
      return recordMatches(envelope.data, plan.constraints, route);
    } catch {
      return false;
    }
  }

  /**
   * Stage "forward": one logical upstream call (circuit breaker, key injection, retries for
   * idempotent requests).
   */
  private async exchange(
    incoming: HeaderView,
    context: MountContext<Req>,
    call: {
      method: string;
      pathAndQuery: string;
      body: Buffer;
      contentType: string | undefined;
      conditional: boolean;
      /** ETag of the version an ownership check read; sent as If-Match when the client sent none. */
      checkedVersion?: string | undefined;
      apiKey: string;
      requestId: string;
    },
  ): Promise<ExchangeResult> {
    const { config, breaker } = this;
    const headers = upstreamRequestHeaders(incoming, {
      apiKey: call.apiKey,
      requestId: call.requestId,
      host: config.target.host,
      contentLength: BODY_METHODS.has(call.method) ? call.body.length : undefined,
    });
    if (call.method === 'GET') delete headers['content-type'];
    if (!call.conditional) {
      delete headers['if-match'];
      delete headers['if-none-match'];
    } else if (call.contentType) headers['content-type'] = call.contentType;
    if (call.checkedVersion && headers['if-match'] === undefined) {
      headers['if-match'] = call.checkedVersion;
    }
    const idempotent = isIdempotentRequest(call.method, headers['idempotency-key'] !== undefined);
    for (let attempt = 0; ; attempt++) {
      const waitMs = breaker?.acquire() ?? 0;
      if (waitMs > 0) return { kind: 'open', waitMs };
      const result = await sendUpstream({
        target: config.target,
        method: call.method,
        pathAndQuery: call.pathAndQuery,
        headers,
        body: call.body,
        dispatcher: config.dispatcher,
        timeoutMs: config.upstreamTimeoutMs,
        maxResponseBytes: config.responseBytes,
        onClientGone: context.onClientGone,
      });
      if (result.kind === 'aborted') {
        breaker?.release();
        return result;
      }
      const failed =
        result.kind === 'network' ||
        result.kind === 'timeout' ||
        (result.kind === 'response' && result.status >= 502 && result.status <= 504);
      if (failed) breaker?.recordFailure();
      else breaker?.recordSuccess();
      if (result.kind === 'network' && idempotent && attempt < config.retries) continue;
      return result;
    }
  }
}

function isUser<User>(value: { user: User } | Reply): value is { user: User } {
  return 'user' in value;
}

/** Patients own themselves: the id check before forwarding is the whole ownership check. */
function isSelfOwned(route: ProxyRoute): boolean {
  return getResource(route.resource)?.ownership === 'self';
}

/** The raw header pairs of a Web request (for the fetch mount's limits). */
export { rawHeadersOf };

/**
 * `proxy.health()` of a mount: the pipeline's report, or `'unavailable'` with the `ERR_CLINIK_*`
 * code when the options are invalid (or the proxy is closed).
 */
export async function mountHealth(load: () => { health(): Promise<ProxyHealth> }) {
  let pipeline: { health(): Promise<ProxyHealth> };
  try {
    pipeline = load();
  } catch (error) {
    const code = error instanceof ClinikProxyError ? error.code : 'ERR_CLINIK_INVALID_OPTION';
    return { status: 'unavailable', stores: {}, configError: code } satisfies ProxyHealth;
  }
  return pipeline.health();
}
