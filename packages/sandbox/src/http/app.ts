import type { IncomingMessage, ServerResponse } from 'node:http';
import { assertScopeAllows, type KeyStore } from '../auth/keys.js';
import type { ResourceEngine } from '../engine/engine.js';
import type { OrgRateLimits } from '../limits/org-limits.js';
import type { SandboxLogger } from '../logger.js';
import type { SandboxWebhooks } from '../webhooks/index.js';
import { handleAdmin } from './admin-routes.js';
import type { RouteGroup } from './call.js';
import { newRequestContext, type RequestContext } from './context.js';
import { HttpError, notFound } from './http-error.js';
import {
  quotaExceeded,
  rateLimited,
  setQuotaHeaders,
  setRateLimitHeaders,
} from './rate-limit-headers.js';
import { handleResourceCall } from './resource-routes.js';
import { sendError, sendJson } from './respond.js';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface AppServices {
  engine: ResourceEngine;
  keys: KeyStore;
  limits: OrgRateLimits;
  logger: SandboxLogger;
  /** Authenticated groups under `/v1/<prefix>` besides resources (FHIR passthrough, bulk). */
  groups?: readonly RouteGroup[];
  /** Enables `/_sandbox/keys` and `/_sandbox/webhooks` for the CLI, guarded by this bearer token. */
  admin?: { token: string; webhooks?: SandboxWebhooks };
  /** `GET /v1/metadata` (public). */
  capabilityStatement?: () => unknown;
  /** `GET /openapi.json` (public): the OpenAPI document for a server listening on `port`. */
  openApi?: (port: number | undefined) => unknown;
}

export const SUPPORTED_VERSIONS = ['v1'] as const;

const OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'];

/** Builds the `(req, res)` handler: usable with `http.createServer` or mounted in Express. */
export function createApp(services: AppServices): RequestHandler {
  const groups = new Map((services.groups ?? []).map((g) => [g.prefix, g]));

  async function route(req: IncomingMessage, res: ServerResponse, ctx: RequestContext) {
    const method = (req.method ?? 'GET').toUpperCase();
    if (OVERRIDE_HEADERS.some((name) => req.headers[name] !== undefined)) {
      throw new HttpError(
        400,
        'METHOD_OVERRIDE_REJECTED',
        'Method override headers are not accepted: send the real HTTP method',
      );
    }
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const segments = pathSegments(url.pathname);

    if (segments.length === 1 && segments[0] === 'health' && method === 'GET') {
      ctx.route = '/health';
      return sendJson(res, 200, { status: 'ok', timestamp: new Date().toISOString() });
    }
    if (
      segments.length === 1 &&
      segments[0] === 'openapi.json' &&
      method === 'GET' &&
      services.openApi
    ) {
      ctx.route = '/openapi.json';
      return sendJson(res, 200, services.openApi(req.socket.localPort));
    }
    if (segments[0] === '_sandbox' && services.admin) {
      return handleAdmin(req, res, ctx, segments, {
        token: services.admin.token,
        keys: services.keys,
        webhooks: services.admin.webhooks,
      });
    }
    const [version, group, ...rest] = segments;
    if (version === undefined || !/^v\d+$/.test(version)) throw notFound('No such route');
    if (version !== 'v1') {
      ctx.route = '/:version';
      throw notFound(
        `API version ${version} is not supported; supported versions: ${SUPPORTED_VERSIONS.join(', ')}`,
      );
    }
    if (
      group === 'metadata' &&
      rest.length === 0 &&
      method === 'GET' &&
      services.capabilityStatement
    ) {
      ctx.route = '/v1/metadata';
      return sendJson(
        res,
        200,
        services.capabilityStatement(),
        'application/fhir+json; charset=utf-8',
      );
    }
    if (group === undefined) throw notFound('No such route');
    // Known names only: an unknown segment could be anything a caller typed.
    const known = groups.has(group) || services.engine.adapters.get(group) !== undefined;
    ctx.route = known ? `/v1/${group}${rest.length > 0 ? '/:id' : ''}` : '/v1/:unknown';

    const identity = await services.keys.authenticate(req.headers['x-api-key']);
    const { plan, rate, quota } = await services.limits.hit(identity.org);
    ctx.rateLimit = rate;
    setRateLimitHeaders(res, rate);
    if (!rate.allowed) throw rateLimited(rate);
    if (quota) {
      setQuotaHeaders(res, quota);
      if (!quota.allowed) throw quotaExceeded(quota, plan);
    }
    assertScopeAllows(identity.scope, method);

    const call = {
      req,
      res,
      ctx,
      method,
      identity,
      scope: { tenant: identity.org, environment: identity.env },
      segments: rest,
      query: url.searchParams,
    };
    const handler = groups.get(group);
    if (handler) return handler.handle(call);
    return handleResourceCall(services.engine, group, call);
  }

  return function clinikSandboxHandler(req, res) {
    const ctx = newRequestContext(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', ctx.requestId);
    let failure: string | undefined;
    res.on('finish', () => {
      services.logger.request({
        requestId: ctx.requestId,
        method: req.method ?? 'GET',
        route: ctx.route,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - ctx.startedAt) * 10) / 10,
        ...(failure ? { error: failure } : {}),
      });
    });
    route(req, res, ctx).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) return sendError(res, ctx, error);
      failure = error instanceof Error ? error.name : 'unknown';
      sendError(res, ctx, new HttpError(500, 'INTERNAL_ERROR', 'Internal error'));
    });
  };
}

/** `/v1/patients/abc/` -> `['v1', 'patients', 'abc']`; a badly encoded segment is a 404. */
function pathSegments(pathname: string): string[] {
  try {
    return pathname
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s));
  } catch {
    throw notFound('No such route');
  }
}
