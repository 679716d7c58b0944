import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { emitAudit } from '../audit.js';
import { nodeBody } from '../body.js';
import { describeError } from '../errors.js';
import { configErrorLine, configLogger, resolveOptions } from '../options.js';
import {
  type CoreRequest,
  type HeaderView,
  type MountContext,
  mountHealth,
  ProxyPipeline,
} from '../pipeline.js';
import type { Reply, StreamSink } from '../respond.js';
import type { ClinikProxyHandler, ClinikProxyOptions } from '../types.js';

type ExpressLike = IncomingMessage & { baseUrl?: unknown };

/**
 * Creates the proxy middleware for Express and node:http: an adapter over the same pipeline as
 * the fetch mount (`clinikFetchProxy`). Options are validated here, once: a bad option throws a
 * `ClinikProxyError` at startup, never at request time.
 *
 * @example
 * app.use('/api/clinik', clinikProxy({ target, apiKey, authenticate, authorize: staff() }));
 */
export function clinikProxy<User = unknown, Req extends IncomingMessage = IncomingMessage>(
  options: Readonly<ClinikProxyOptions<User, Req>>,
): ClinikProxyHandler<Req> {
  let pipeline: ProxyPipeline<User, Req> | undefined;
  let lastConfigLog = Number.NEGATIVE_INFINITY;
  const load = () => {
    pipeline ??= new ProxyPipeline<User, Req>(resolveOptions<User, Req>(options));
    return pipeline;
  };
  // Checked now unless asked to wait for the first request.
  if (options?.validate !== 'on-first-request') load();

  const middleware = function clinikProxyMiddleware(
    req: Req,
    res: ServerResponse,
    next?: (error?: unknown) => void,
  ) {
    let current: ProxyPipeline<User, Req>;
    try {
      current = load();
    } catch (error) {
      const now = Date.now();
      if (now - lastConfigLog >= 60_000) {
        lastConfigLog = now;
        configLogger(options).error(configErrorLine(error));
      }
      res.writeHead(500, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end('{"error":"INTERNAL_ERROR","message":"The proxy is misconfigured","code":"500"}');
      return;
    }
    handleNode(current, req, res, next).catch((error: unknown) => {
      current.config.logger?.error({ msg: 'clinik-proxy internal error', ...describeError(error) });
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"error":"INTERNAL_ERROR","message":"Internal proxy error","code":"500"}');
      } else res.destroy();
    });
  };
  return Object.assign(middleware, {
    close: async () => pipeline?.close(),
    health: () => mountHealth(load),
  });
}

async function handleNode<User, Req extends IncomingMessage>(
  pipeline: ProxyPipeline<User, Req>,
  req: Req,
  res: ServerResponse,
  next: ((error?: unknown) => void) | undefined,
): Promise<void> {
  const { config } = pipeline;
  const baseUrl = (req as ExpressLike).baseUrl;
  const context: MountContext<Req> = {
    native: req,
    target: req.url ?? '',
    mount: typeof baseUrl === 'string' ? baseUrl : undefined,
    rawHeaders: req.rawHeaders,
    remoteAddress: req.socket.remoteAddress,
    body: nodeBody(req),
    onClientGone: (listener) => {
      const onClose = () => {
        if (!res.writableFinished) listener();
      };
      res.once('close', onClose);
      return () => res.off('close', onClose);
    },
  };
  const located = pipeline.locate(context);
  if (!located) {
    if (next) next();
    else res.writeHead(404).end();
    return;
  }

  const method = (req.method ?? '').toUpperCase();
  const state = pipeline.begin(method);
  if (config.logger || config.onAudit) {
    res.once('close', () =>
      // A response that never finished is recorded as 499 (client closed request).
      emitAudit(state, res.writableFinished ? res.statusCode : 499, config.logger, config.onAudit),
    );
  }
  const request: CoreRequest = { method, headers: new NodeHeaders(req.headers) };
  writeReply(res, await pipeline.run(request, context, located, state));
}

/**
 * The node request's headers read as a Web `Headers` reads them (`get` joins a repeated header
 * with ", "; names are case-insensitive), straight from node's parsed header object.
 */
class NodeHeaders implements HeaderView {
  constructor(private readonly headers: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return typeof value === 'string' ? value : value.join(', ');
  }

  has(name: string): boolean {
    return this.headers[name.toLowerCase()] !== undefined;
  }
}

/** Writes a pipeline reply to a node response (streams frame by frame, flushing each). */
export function writeReply(res: ServerResponse, reply: Reply): void {
  // The client went away: there is nobody to answer.
  if (reply.status === 499) return;
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  // Express's own X-Powered-By (set before the proxy ran) says as much as the upstream's would.
  res.removeHeader('x-powered-by');
  const { body } = reply;
  if (body === null || Buffer.isBuffer(body)) {
    res.writeHead(reply.status, reply.headers as Record<string, string>);
    res.end(body ?? undefined);
    return;
  }
  res.writeHead(reply.status, reply.headers as Record<string, string>);
  body.open(nodeSink(res));
}

function nodeSink(res: ServerResponse & { flush?: () => void }): StreamSink {
  return {
    write(text) {
      res.write(text);
      // compression() buffers until flushed; it adds res.flush() for exactly this.
      res.flush?.();
    },
    get buffered() {
      return res.writableLength;
    },
    end: () => res.end(),
    destroy: () => res.destroy(),
    onClose: (listener) => res.once('close', listener),
  };
}
