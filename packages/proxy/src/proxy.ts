import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResource, isIdempotentRequest } from '@clinikapi/core';
import { auditOnClose } from './audit.js';
import { bodyAlreadyRead, readBody } from './body.js';
import { CircuitBreaker } from './circuit-breaker.js';
import { deliverResponse, type ExchangeResult, leaks } from './deliver.js';
import { LiveEvents } from './events/live.js';
import { ENTITY_TAG, upstreamRequestHeaders } from './headers.js';
import {
  bodyRespects,
  type NarrowingPlan,
  planNarrowing,
  recordMatches,
  selfOwnedMismatch,
} from './narrowing.js';
import { checkKeyFormat, type ResolvedOptions, resolveOptions } from './options.js';
import { createLimiter, legacyRateLimitHeaders, rateLimitHeaders } from './rate-limit/limiter.js';
import { type RequestState, sendError } from './respond.js';
import { parseTarget } from './route.js';
import { screenRequest } from './screen.js';
import type {
  AuthorizeNarrowing,
  ClinikProxyHandler,
  ClinikProxyOptions,
  ProxyRoute,
} from './types.js';
import { sendUpstream } from './upstream.js';

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json(-patch\+json)?\s*(;|$)/i;

type ExpressLike = IncomingMessage & { baseUrl?: unknown };

/**
 * Creates the proxy middleware. Options are validated here, once: a bad option throws a
 * `ClinikProxyError` at startup, never at request time.
 *
 * @example
 * app.use('/api/clinik', clinikProxy({ target, apiKey, authenticate, authorize: staff() }));
 */
export function clinikProxy<User = unknown, Req extends IncomingMessage = IncomingMessage>(
  options: Readonly<ClinikProxyOptions<User, Req>>,
): ClinikProxyHandler<Req> {
  const config = resolveOptions(options);
  const handler = new ProxyHandler(config);
  const middleware = function clinikProxyMiddleware(
    req: Req,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ) {
    handler.handle(req, res, next).catch(() => {
      config.logger?.error({ msg: 'clinik-proxy internal error' });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"error":"INTERNAL_ERROR","message":"Internal proxy error","code":"500"}');
      } else res.destroy();
    });
  };
  return Object.assign(middleware, { close: () => handler.close() });
}

class ProxyHandler<User, Req extends IncomingMessage> {
  private readonly limiter;
  private readonly breaker;
  private readonly live: LiveEvents<User, Req> | undefined;
  /** The key in use and the ones before it (after a rotation), all scanned for in responses. */
  private recentKeys: string[] = [];
  private closing: Promise<void> | undefined;

  constructor(private readonly config: ResolvedOptions<User, Req>) {
    this.live = config.events ? new LiveEvents(config) : undefined;
    const { rateLimit, circuitBreaker } = config;
    this.limiter = rateLimit ? createLimiter(rateLimit) : undefined;
    this.breaker = circuitBreaker
      ? new CircuitBreaker(circuitBreaker.failureThreshold, circuitBreaker.cooldownMs)
      : undefined;
  }

  async handle(req: Req, res: ServerResponse, next?: (error?: unknown) => void): Promise<void> {
    const { config } = this;
    const located = this.locate(req);
    if (!located) {
      if (next) next();
      else res.writeHead(404).end();
      return;
    }

    const requestId = `req_${randomUUID().replaceAll('-', '')}`;
    const state: RequestState = {
      requestId,
      startedAt: Date.now(),
      startedAtMonotonic: performance.now(),
      method: (req.method ?? '').toUpperCase(),
      userId: null,
      route: null,
      resourceId: null,
      error: null,
      ownHeaders: { 'x-request-id': requestId },
    };
    auditOnClose(res, state, config.logger, config.onAudit);
    const { method } = state;

    const refusal = screenRequest(req, method, config);
    if (refusal) {
      sendError(res, state, refusal.status, refusal.error, refusal.message, refusal.headers);
      return;
    }

    if (this.live) {
      const path = located.url.split('?')[0];
      if (path === '/webhooks') {
        state.route = '/webhooks';
        await this.live.receive(req, res);
        return;
      }
      if (path === '/events') {
        state.route = '/events';
        await this.streamEvents(req, res, state, method);
        return;
      }
    }

    const parsed = parseTarget(located.url, method, {
      enableFhir: config.enableFhir,
      enableBulk: config.enableBulk,
      urlLength: config.urlLength,
    });
    if ('status' in parsed) {
      sendError(
        res,
        state,
        parsed.status,
        parsed.error,
        parsed.message,
        parsed.allow ? { allow: parsed.allow.join(', ') } : {},
      );
      return;
    }
    const { route, query } = parsed;
    state.route = route.template;
    state.resourceId = route.id ?? null;

    const plan = await this.admit(req, res, state, route, query);
    if (!plan) return;

    const payload = await this.readPayload(req, res, state, method, plan);
    if (!payload) return;
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
        requestId,
      });
      sendError(res, state, 500, 'INTERNAL_ERROR', 'The proxy is misconfigured');
      return;
    }
    this.rememberKey(apiKey);

    const search = new URLSearchParams(query).toString();
    const exchange = (m: string, payload: Buffer, checkedVersion?: string) =>
      this.exchange(req, {
        method: m,
        route,
        pathAndQuery: m === 'GET' && search ? `${route.path}?${search}` : route.path,
        body: payload,
        // A body parser's output is sent as UTF-8 JSON, whatever charset the client declared.
        contentType: reserializedJson ? 'application/json' : undefined,
        // Ownership checks need the full record: a 304 or 412 would skip the check (and hint
        // that another patient's record exists).
        conditional: plan.kind !== 'check-record' || m !== 'GET',
        checkedVersion,
        apiKey,
        requestId,
        client: res,
      });

    // Updates and deletes of a narrowed record: read it first and check whom it belongs to.
    const needsPreRead =
      plan.kind === 'check-record' &&
      method !== 'GET' &&
      !(route.kind === 'resource' && isSelfOwned(route));
    if (needsPreRead) {
      const read = await exchange('GET', Buffer.alloc(0));
      if (read.kind !== 'response' || read.status !== 200) {
        this.deliver(res, state, read, located.mount);
        return;
      }
      if (!this.recordAllowed(read.body, plan, route)) {
        sendError(res, state, 404, 'NOT_FOUND', 'Resource not found');
        return;
      }
      // The write must hit the version whose owner was just checked: if the record changes
      // between the check and the write (moved to another patient), the API answers 412.
      const checked = read.headers.etag;
      const result = await exchange(
        method,
        body,
        typeof checked === 'string' && ENTITY_TAG.test(checked) ? checked : undefined,
      );
      this.deliver(res, state, result, located.mount);
      return;
    }

    const result = await exchange(method, body);
    if (
      plan.kind === 'check-record' &&
      method === 'GET' &&
      result.kind === 'response' &&
      result.status === 200 &&
      !leaks(result, this.recentKeys) &&
      !this.recordAllowed(result.body, plan, route)
    ) {
      sendError(res, state, 404, 'NOT_FOUND', 'Resource not found');
      return;
    }
    this.deliver(res, state, result, located.mount);
  }

  private rememberKey(key: string): void {
    if (key === '' || this.recentKeys[0] === key) return;
    this.recentKeys = [key, ...this.recentKeys.filter((k) => k !== key)].slice(0, 4);
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
  private async streamEvents(req: Req, res: ServerResponse, state: RequestState, method: string) {
    if (method !== 'GET') {
      sendError(res, state, 405, 'METHOD_NOT_ALLOWED', 'The event stream is read with GET', {
        allow: 'GET',
      });
      return;
    }
    const user = await this.authenticateOnly(req, res, state);
    if (user === undefined || !this.live) return;
    await this.live.connect(req, res, user);
  }

  /** Authenticates and rate-limits; answers 401/429/500 itself and resolves `undefined` then. */
  private async authenticateOnly(
    req: Req,
    res: ServerResponse,
    state: RequestState,
  ): Promise<User | undefined> {
    const { config } = this;
    let user: User | null | undefined;
    try {
      user = await config.authenticate(req);
    } catch {
      config.logger?.error({ msg: 'clinik-proxy authenticate failed', requestId: state.requestId });
      sendError(res, state, 500, 'INTERNAL_ERROR', 'Authentication failed unexpectedly');
      return undefined;
    }
    if (user === null || user === undefined) {
      // Failed sign-ins are limited per client address too, so a flood cannot keep
      // `authenticate` (sessions, JWKS) busy; signed-in users are unaffected.
      if (this.limiter && config.rateLimit) {
        const decision = await this.limiter.check(
          `anonymous:${req.socket.remoteAddress ?? 'unknown'}`,
        );
        if (!decision.allowed) {
          sendError(res, state, 429, 'RATE_LIMITED', 'Too many requests', {
            ...rateLimitHeaders(decision),
            ...legacyRateLimitHeaders(decision),
            'retry-after': String(decision.resetSeconds),
          });
          return undefined;
        }
      }
      sendError(res, state, 401, 'UNAUTHORIZED', 'Authentication required');
      return undefined;
    }
    const userId = config.userIdOf(user);
    state.userId = userId;
    if (this.limiter && config.rateLimit) {
      const decision = await this.limiter.check(config.rateLimit.keyOf(user, userId));
      Object.assign(state.ownHeaders, rateLimitHeaders(decision));
      if (!decision.allowed) {
        sendError(res, state, 429, 'RATE_LIMITED', 'Too many requests', {
          ...legacyRateLimitHeaders(decision),
          'retry-after': String(decision.resetSeconds),
        });
        return undefined;
      }
    }
    return user;
  }

  /**
   * Authenticates, rate-limits and authorizes; answers the client itself and resolves
   * `undefined` when the request stops here, otherwise resolves the narrowing to enforce.
   */
  private async admit(
    req: Req,
    res: ServerResponse,
    state: RequestState,
    route: ProxyRoute,
    query: Record<string, string>,
  ): Promise<NarrowingPlan | undefined> {
    const { config } = this;
    const { method } = state;
    const user = await this.authenticateOnly(req, res, state);
    if (user === undefined) return undefined;

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
    } catch {
      config.logger?.error({ msg: 'clinik-proxy authorize failed', requestId: state.requestId });
      sendError(res, state, 500, 'INTERNAL_ERROR', 'Authorization failed unexpectedly');
      return undefined;
    }
    if (decision !== true && (typeof decision !== 'object' || decision === null)) {
      sendError(res, state, 403, 'FORBIDDEN', 'Not allowed');
      return undefined;
    }
    const plan: NarrowingPlan =
      decision === true
        ? { kind: 'none' }
        : planNarrowing(decision as AuthorizeNarrowing, route, method);
    if (plan.kind === 'deny') {
      sendError(res, state, 403, 'FORBIDDEN', 'Not allowed');
      return undefined;
    }
    if (plan.kind === 'force-query') Object.assign(query, plan.query);
    if (plan.kind === 'check-record' && selfOwnedMismatch(plan.constraints, route)) {
      sendError(res, state, 404, 'NOT_FOUND', 'Resource not found');
      return undefined;
    }
    return plan;
  }

  /**
   * The body to forward (empty for GET and DELETE), checked against the narrowing; answers the
   * client itself and resolves `undefined` when the body is refused.
   */
  private async readPayload(
    req: Req,
    res: ServerResponse,
    state: RequestState,
    method: string,
    plan: NarrowingPlan,
  ): Promise<{ body: Buffer; reserializedJson: boolean } | undefined> {
    const { config } = this;
    let body: Buffer = Buffer.alloc(0);
    let reserializedJson = false;
    if (BODY_METHODS.has(method)) {
      const type = req.headers['content-type'];
      if (type === undefined || !JSON_TYPE.test(type)) {
        sendError(res, state, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json)');
        return undefined;
      }
      const read = await readBody(req, config.bodyBytes, config.bodyTimeoutMs);
      if (!read.ok) {
        sendError(res, state, read.status, read.error, read.message, { connection: 'close' });
        return undefined;
      }
      body = read.body;
      if (read.json) reserializedJson = true;
      if (plan.kind === 'check-body' || (plan.kind === 'check-record' && plan.checkBody)) {
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          sendError(res, state, 400, 'INVALID_JSON', 'Request body is not valid JSON');
          return undefined;
        }
        if (
          !bodyRespects(json, plan.constraints, plan.kind === 'check-body' ? 'create' : 'update')
        ) {
          sendError(res, state, 403, 'FORBIDDEN', 'Not allowed');
          return undefined;
        }
      }
    } else if (!bodyAlreadyRead(req)) {
      // Bodies on GET/DELETE are not forwarded; draining keeps the connection reusable.
      req.resume();
    }
    return { body, reserializedJson };
  }

  private deliver(
    res: ServerResponse,
    state: RequestState,
    result: ExchangeResult,
    mount: string,
  ): void {
    deliverResponse(res, state, result, {
      // The key of this request is always the first of them (see rememberKey).
      apiKey: this.recentKeys,
      mount,
      target: this.config.target,
      logger: this.config.logger,
    });
  }

  /** The URL relative to the mount point, and the mount point as the client sees it. */
  private locate(req: Req): { url: string; mount: string } | undefined {
    const url = req.url ?? '';
    const baseUrl = (req as ExpressLike).baseUrl;
    // Express strips its mount path from req.url and keeps it in req.baseUrl.
    if (typeof baseUrl === 'string') return { url, mount: baseUrl };
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

  /** One logical upstream call: circuit breaker, key injection, retries for idempotent requests. */
  private async exchange(
    req: Req,
    call: {
      method: string;
      route: ProxyRoute;
      pathAndQuery: string;
      body: Buffer;
      contentType: string | undefined;
      conditional: boolean;
      /** ETag of the version an ownership check read; sent as If-Match when the client sent none. */
      checkedVersion?: string | undefined;
      apiKey: string;
      requestId: string;
      client: ServerResponse;
    },
  ): Promise<ExchangeResult> {
    const { config, breaker } = this;
    const headers = upstreamRequestHeaders(req.headers, {
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
        client: call.client,
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

/** Patients own themselves: the id check before forwarding is the whole ownership check. */
function isSelfOwned(route: ProxyRoute): boolean {
  return getResource(route.resource)?.ownership === 'self';
}
