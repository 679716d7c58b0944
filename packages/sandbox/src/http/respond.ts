import type { ServerResponse } from 'node:http';
import { errorBody, type ResponseMeta } from '@clinikapi/core';
import type { RequestContext } from './context.js';
import type { HttpError } from './http-error.js';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
): void {
  const payload = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', Buffer.byteLength(payload));
  res.end(payload);
}

export function metaFor(ctx: RequestContext, status: number): ResponseMeta {
  const meta: ResponseMeta = {
    requestId: ctx.requestId,
    timestamp: new Date().toISOString(),
    status,
  };
  if (ctx.rateLimit) {
    meta.rateLimitTotal = ctx.rateLimit.limit;
    meta.rateLimitRemaining = ctx.rateLimit.remaining;
    meta.rateLimitReset = ctx.rateLimit.reset;
  }
  return meta;
}

/** `{ data, meta }` around a payload. */
export function sendEnvelope(
  res: ServerResponse,
  ctx: RequestContext,
  status: number,
  data: unknown,
): void {
  sendJson(res, status, { data, meta: metaFor(ctx, status) });
}

export function sendNoContent(res: ServerResponse): void {
  res.statusCode = 204;
  res.end();
}

export function sendError(res: ServerResponse, ctx: RequestContext, error: HttpError): void {
  for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
  const body = errorBody(error.status, error.code, error.message, {
    requestId: ctx.requestId,
    ...(error.issues ? { issues: error.issues } : {}),
  });
  sendJson(res, error.status, body);
}
