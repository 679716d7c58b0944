import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getResource, isIdempotentRequest } from '@clinikapi/core';
import { auditOnClose } from './audit.js';
import { bodyAlreadyRead, readBody } from './body.js';
import { CircuitBreaker } from './circuit-breaker.js';
import {
  clientResponseHeaders,
  hasMethodOverride,
  headersWithinLimits,
  rewriteLocation,
  upstreamRequestHeaders,
} from './headers.js';
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
import type {
  AuthorizeNarrowing,
  ClinikProxyHandler,
  ClinikProxyOptions,
  ProxyRoute,
} from './types.js';
import { sendUpstream, type UpstreamResult } from './upstream.js';

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);
const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json(-patch\+json)?\s*(;|$)/i;
const SAFE_MOUNT = /^(\/[A-Za-z0-9\-_.]+)*$/;

type ExpressLike = IncomingMessage & { baseUrl?: unknown };

/**
 * Creates the proxy middleware. Options are validated here, once: a bad option throws a
 * `ClinikProxyError` at startup, never at request time.
 *
 * @example
 * app.use('/api/clinik', clinikProxy({ target, apiKey, authenticate, authorize: staff() }));
 */
export function clinikProxy<User = unknown, Req extends IncomingMessage = IncomingMessage>(
  options: ClinikProxyOptions<User, Req>,
): ClinikProxyHandler<Req> {
  const config = resolveOptions(options);
  const handler = new ProxyHandler(config);
  return function clinikProxyMiddleware(req, res, next) {
    handler.handle(req, res, next).catch(() => {
      config.logger?.error({ msg: 'clinik-proxy internal error' });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"error":"INTERNAL_ERROR","message":"Internal proxy error","code":"500"}');
      } else res.destroy();
    });
  };
}

class ProxyHandler<User, Req extends IncomingMessage> {
  private readonly limiter;
  private readonly breaker;

  constructor(private readonly config: ResolvedOptions<User, Req>) {
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

    if (method === 'TRACE' || method === 'CONNECT' || method === 'TRACK') {
      sendError(res, state, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed`, {
        connection: 'close',
      });
      return;
    }
    if (req.headers.upgrade !== undefined) {
      sendError(res, state, 400, 'BAD_REQUEST', 'Protocol upgrades are not supported', {
        connection: 'close',
      });
      return;
    }
    if (hasMethodOverride(req.headers)) {
      sendError(
        res,
        state,
        400,
        'METHOD_OVERRIDE_REJECTED',
        'Method override headers are not accepted',
      );
      return;
    }
    if (!headersWithinLimits(req.rawHeaders, config.headerCount, config.headerBytes)) {
      sendError(res, state, 431, 'HEADERS_TOO_LARGE', 'Request headers are too large', {
        connection: 'close',
      });
      return;
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

    let user: User | null | undefined;
    try {
      user = await config.authenticate(req);
    } catch {
      config.logger?.error({ msg: 'clinik-proxy authenticate failed', requestId });
      sendError(res, state, 500, 'INTERNAL_ERROR', 'Authentication failed unexpectedly');
      return;
    }
    if (user === null || user === undefined) {
      sendError(res, state, 401, 'UNAUTHORIZED', 'Authentication required');
      return;
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
        return;
      }
    }

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
      config.logger?.error({ msg: 'clinik-proxy authorize failed', requestId });
      sendError(res, state, 500, 'INTERNAL_ERROR', 'Authorization failed unexpectedly');
      return;
    }
    if (decision !== true && (typeof decision !== 'object' || decision === null)) {
      sendError(res, state, 403, 'FORBIDDEN', 'Not allowed');
      return;
    }
    const plan: NarrowingPlan =
      decision === true
        ? { kind: 'none' }
        : planNarrowing(decision as AuthorizeNarrowing, route, method);
    if (plan.kind === 'deny') {
      sendError(res, state, 403, 'FORBIDDEN', 'Not allowed');
      return;
    }
    if (plan.kind === 'force-query') Object.assign(query, plan.query);
    if (plan.kind === 'check-record' && selfOwnedMismatch(plan.constraints, route)) {
      sendError(res, state, 404, 'NOT_FOUND', 'Resource not found');
      return;
    }

    let body: Buffer = Buffer.alloc(0);
    let reserializedJson = false;
    if (BODY_METHODS.has(method)) {
      const type = req.headers['content-type'];
      if (type === undefined || !JSON_TYPE.test(type)) {
        sendError(res, state, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (application/json)');
        return;
      }
      const read = await readBody(req, config.bodyBytes, config.bodyTimeoutMs);
      if (!read.ok) {
        sendError(res, state, read.status, read.error, read.message, { connection: 'close' });
        return;
      }
      body = read.body;
      if (read.json) reserializedJson = true;
      if (plan.kind === 'check-body' || (plan.kind === 'check-record' && plan.checkBody)) {
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          sendError(res, state, 400, 'INVALID_JSON', 'Request body is not valid JSON');
          return;
        }
        if (
          !bodyRespects(json, plan.constraints, plan.kind === 'check-body' ? 'create' : 'update')
        ) {
          sendError(res, state, 403, 'FORBIDDEN', 'Not allowed');
          return;
        }
      }
    } else if (!bodyAlreadyRead(req)) {
      // Bodies on GET/DELETE are not forwarded; draining keeps the connection reusable.
      req.resume();
    }

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

    const search = new URLSearchParams(query).toString();
    const exchange = (m: string, payload: Buffer) =>
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
        this.deliver(res, state, read, apiKey, located.mount, 'GET');
        return;
      }
      if (!this.recordAllowed(read.body, plan, route)) {
        sendError(res, state, 404, 'NOT_FOUND', 'Resource not found');
        return;
      }
    }

    const result = await exchange(method, body);
    if (
      plan.kind === 'check-record' &&
      method === 'GET' &&
      result.kind === 'response' &&
      result.status === 200 &&
      !leaks(result, apiKey) &&
      !this.recordAllowed(result.body, plan, route)
    ) {
      sendError(res, state, 404, 'NOT_FOUND', 'Resource not found');
      return;
    }
    this.deliver(res, state, result, apiKey, located.mount, method);
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
      apiKey: string;
      requestId: string;
      client: ServerResponse;
    },
  ): Promise<UpstreamResult | { kind: 'open'; waitMs: number }> {
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
    }
    else if (call.contentType) headers['content-type'] = call.contentType;
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
        agent: config.agent,
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

  /** Sends the upstream's answer after the leak check, with filtered headers. */
  private deliver(
    res: ServerResponse,
    state: RequestState,
    result: UpstreamResult | { kind: 'open'; waitMs: number },
    apiKey: string,
    mount: string,
    method: string,
  ): void {
    switch (result.kind) {
      case 'aborted':
        return;
      case 'open':
        sendError(
          res,
          state,
          503,
          'SERVICE_UNAVAILABLE',
          'The data API is unavailable; retry later',
          {
            'retry-after': String(Math.max(1, Math.ceil(result.waitMs / 1000))),
          },
        );
        return;
      case 'timeout':
        sendError(res, state, 504, 'GATEWAY_TIMEOUT', 'The data API did not answer in time');
        return;
      case 'network':
        sendError(res, state, 502, 'BAD_GATEWAY', 'The data API could not be reached');
        return;
      case 'too-large':
        sendError(res, state, 502, 'BAD_GATEWAY', 'The data API response was too large');
        return;
      case 'bad-encoding':
        sendError(res, state, 502, 'BAD_GATEWAY', 'The data API response could not be read');
        return;
    }
    if (leaks(result, apiKey)) {
      this.config.logger?.error({
        msg: 'clinik-proxy blocked a response containing the API key',
        requestId: state.requestId,
        route: state.route,
        upstreamStatus: result.status,
      });
      sendError(res, state, 502, 'BAD_GATEWAY', 'The data API response was withheld');
      return;
    }
    const headers = clientResponseHeaders(result.headers);
    const location = result.headers.location;
    if (location !== undefined && SAFE_MOUNT.test(mount)) {
      const rewritten = rewriteLocation(location, this.config.target, mount);
      if (rewritten !== undefined) headers.location = rewritten;
    }
    Object.assign(headers, state.ownHeaders);
    const bodyless = method === 'HEAD' || result.status === 204 || result.status === 304;
    headers['content-length'] = bodyless ? undefined : result.body.length;
    if (headers['content-length'] === undefined) delete headers['content-length'];
    res.writeHead(result.status, headers);
    res.end(bodyless ? undefined : result.body);
  }
}

/** Patients own themselves: the id check before forwarding is the whole ownership check. */
function isSelfOwned(route: ProxyRoute): boolean {
  return getResource(route.resource)?.ownership === 'self';
}

/** True when the key appears anywhere in the upstream's headers or body. */
function leaks(result: Extract<UpstreamResult, { kind: 'response' }>, apiKey: string): boolean {
  if (result.body.includes(apiKey)) return true;
  return result.rawHeaders.some((part) => part.includes(apiKey));
}
