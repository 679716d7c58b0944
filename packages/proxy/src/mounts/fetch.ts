import { emitAudit } from '../audit.js';
import { webBody } from '../body.js';
import { ClinikProxyError, describeError } from '../errors.js';
import { configErrorLine, configLogger, type ResolvedOptions, resolveOptions } from '../options.js';
import { type MountContext, mountHealth, ProxyPipeline, rawHeadersOf } from '../pipeline.js';
import type { Reply, StreamSink } from '../respond.js';
import type { ClinikFetchProxy, ClinikProxyOptions } from '../types.js';

const encoder = new TextEncoder();
/** Hop-by-hop headers a runtime sets itself. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);
const CONFIG_LOG_INTERVAL_MS = 60_000;

/**
 * Creates the proxy as a Web-standard handler, `fetch(Request): Promise<Response>`, for Next.js
 * route handlers, Hono, Bun, Deno and anything else that speaks `Request`/`Response`.
 *
 * Options are validated at the first request by default (so `next build` works without the
 * environment); a configuration error then answers 500 and logs the `ERR_CLINIK_*` code. Pass
 * `validate: 'on-create'` to throw at creation instead.
 *
 * @example
 * // app/api/clinik/[...path]/route.ts
 * const proxy = clinikFetchProxy({ target, apiKey, authenticate, authorize: staff(), mountPath: '/api/clinik' });
 * export const { GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS } = proxy.handlers;
 */
export function clinikFetchProxy<User = unknown, Req extends Request = Request>(
  options: Readonly<ClinikProxyOptions<User, Req>>,
): ClinikFetchProxy<Req> {
  let pipeline: ProxyPipeline<User, Req> | undefined;
  let closed = false;
  let lastConfigLog = Number.NEGATIVE_INFINITY;
  const load = (): ProxyPipeline<User, Req> => {
    pipeline ??= new ProxyPipeline<User, Req>(resolveOptions<User, Req>(options, 'fetch'));
    return pipeline;
  };
  if (options?.validate === 'on-create') load();

  const fetch = async function clinikFetch(request: Req): Promise<Response> {
    let current: ProxyPipeline<User, Req>;
    try {
      if (closed) throw new ClinikProxyError('ERR_CLINIK_CLOSED', 'clinikFetchProxy: closed');
      current = load();
    } catch (error) {
      // Configuration errors surface here, at the first request, instead of at import time.
      const now = Date.now();
      if (now - lastConfigLog >= CONFIG_LOG_INTERVAL_MS) {
        lastConfigLog = now;
        configLogger(options).error(configErrorLine(error));
      }
      return new Response(
        '{"error":"INTERNAL_ERROR","message":"The proxy is misconfigured","code":"500"}',
        {
          status: 500,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
          },
        },
      );
    }
    try {
      return await handleFetch(current, request);
    } catch (error) {
      current.config.logger?.error({ msg: 'clinik-proxy internal error', ...describeError(error) });
      return new Response(
        '{"error":"INTERNAL_ERROR","message":"Internal proxy error","code":"500"}',
        { status: 500, headers: { 'content-type': 'application/json; charset=utf-8' } },
      );
    }
  };
  const handler = (request: Req) => fetch(request);
  return {
    fetch: handler,
    handlers: {
      GET: handler,
      HEAD: handler,
      POST: handler,
      PUT: handler,
      PATCH: handler,
      DELETE: handler,
      OPTIONS: handler,
    },
    close: async () => {
      closed = true;
      await pipeline?.close();
    },
    health: () =>
      mountHealth(() => {
        if (closed) throw new ClinikProxyError('ERR_CLINIK_CLOSED', 'clinikFetchProxy: closed');
        return load();
      }),
  };
}

async function handleFetch<User, Req extends Request>(
  pipeline: ProxyPipeline<User, Req>,
  request: Req,
): Promise<Response> {
  const { config } = pipeline;
  const url = request.url;
  const pathStart = url.indexOf('/', url.indexOf('//') + 2);
  const signal = request.signal;
  const context: MountContext<Req> = {
    native: request,
    target: pathStart === -1 ? '/' : url.slice(pathStart),
    rawHeaders: rawHeadersOf(request.headers),
    remoteAddress: undefined,
    body: webBody(request),
    onClientGone: signal
      ? (listener) => {
          if (signal.aborted) {
            queueMicrotask(listener);
            return () => {};
          }
          signal.addEventListener('abort', listener, { once: true });
          return () => signal.removeEventListener('abort', listener);
        }
      : undefined,
  };
  const located = pipeline.locate(context);
  if (!located) return new Response(null, { status: 404 });
  const state = pipeline.begin(request.method);
  const reply = await pipeline.run(request, context, located, state);
  return toResponse(reply, config);
}

function toHeaders(reply: Reply): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    if (HOP_BY_HOP.has(name)) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, String(value));
  }
  return headers;
}

/** The reply as a Web `Response`; the audit line follows once the body is handed over. */
function toResponse<User, Req>(reply: Reply, config: ResolvedOptions<User, Req>): Response {
  const { state } = reply;
  const audit = (status: number) => {
    if (state) emitAudit(state, status, config.logger, config.onAudit);
  };
  const headers = toHeaders(reply);
  const { body } = reply;
  if (body === null || Buffer.isBuffer(body)) {
    audit(reply.status);
    return new Response(body as BodyInit | null, { status: reply.status, headers });
  }
  let sink: (StreamSink & { closed: () => void }) | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const listeners: (() => void)[] = [];
        let done = false;
        const closed = () => {
          if (done) return;
          done = true;
          for (const listener of listeners) listener();
          audit(reply.status);
        };
        sink = {
          write(text) {
            if (!done) controller.enqueue(encoder.encode(text));
          },
          get buffered() {
            return done ? 0 : Math.max(0, -(controller.desiredSize ?? 0));
          },
          end() {
            if (done) return;
            controller.close();
            closed();
          },
          destroy() {
            if (done) return;
            controller.error(new Error('clinik-proxy dropped a slow client'));
            closed();
          },
          onClose(listener) {
            listeners.push(listener);
          },
          closed,
        };
        body.open(sink);
      },
      cancel() {
        sink?.closed();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 0 }),
  );
  return new Response(stream, { status: reply.status, headers });
}
