import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { errorBody } from '@clinikapi/core';
import { SAFETY_HEADERS } from './headers.js';

/** Per-request state shared by the handler, the error writer and the audit line. */
export interface RequestState {
  requestId: string;
  /** Wall-clock start (ms since epoch). */
  startedAt: number;
  /** Monotonic start, for the duration. */
  startedAtMonotonic: number;
  method: string;
  userId: string | null;
  route: string | null;
  resourceId: string | null;
  /** Machine code when the proxy answered itself. */
  error: string | null;
  /** Headers every response of this request carries (request id, per-user rate limit). */
  ownHeaders: OutgoingHttpHeaders;
}

/** Writes a contract-shaped error (`{error, message, code, requestId}`). Messages never hold input values. */
export function sendError(
  res: ServerResponse,
  state: RequestState,
  status: number,
  error: string,
  message: string,
  headers: OutgoingHttpHeaders = {},
): void {
  state.error = error;
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(errorBody(status, error, message, { requestId: state.requestId }));
  res.removeHeader('x-powered-by');
  res.writeHead(status, {
    ...state.ownHeaders,
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...SAFETY_HEADERS,
  });
  res.end(body);
}
