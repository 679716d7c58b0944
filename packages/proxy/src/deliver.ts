import type { IncomingHttpHeaders } from 'node:http';
import { clientResponseHeaders, rewriteLocation } from './headers.js';
import { errorReply, type Reply, type ReplyHeaders, type RequestState } from './respond.js';
import type { ProxyLogger } from './types.js';
import type { UpstreamResult } from './upstream.js';

/** What one logical upstream call ends with: an upstream result, or the open circuit. */
export type ExchangeResult = UpstreamResult | { kind: 'open'; waitMs: number };

const SAFE_MOUNT = /^(\/[A-Za-z0-9\-_.]+)*$/;

/**
 * True when a key appears anywhere in the upstream's headers or body. Several keys are checked
 * when `apiKey` is a function: the current one and those it returned before a rotation.
 */
export function leaks(
  result: Extract<UpstreamResult, { kind: 'response' }>,
  apiKey: string | readonly string[],
): boolean {
  const keys = typeof apiKey === 'string' ? [apiKey] : apiKey;
  return keys.some((key) => result.body.includes(key) || headersInclude(result.headers, key));
}

/** Header names arrive lower-cased, so they are compared without case; values as sent. */
function headersInclude(headers: IncomingHttpHeaders, key: string): boolean {
  const lowerKey = key.toLowerCase();
  for (const name in headers) {
    if (name.includes(lowerKey)) return true;
    const value = headers[name];
    if (typeof value === 'string' ? value.includes(key) : value?.some((v) => v.includes(key))) {
      return true;
    }
  }
  return false;
}

/**
 * Answers the client from an upstream result: failures become contract errors, a response that
 * contains the key becomes a 502 (and an incident line), anything else is sent with filtered
 * headers and a rewritten (or dropped) `Location`.
 */
export function deliverResponse(
  state: RequestState,
  result: ExchangeResult,
  context: {
    apiKey: string | readonly string[];
    mount: string;
    target: URL;
    logger: ProxyLogger | undefined;
  },
): Reply {
  switch (result.kind) {
    case 'aborted':
      // The client left: nobody reads this answer (the audit line says 499).
      return errorReply(state, 499, 'CLIENT_CLOSED_REQUEST', 'The client went away');
    case 'open':
      return errorReply(
        state,
        503,
        'SERVICE_UNAVAILABLE',
        'The data API is unavailable; retry later',
        {
          'retry-after': String(Math.max(1, Math.ceil(result.waitMs / 1000))),
        },
      );
    case 'timeout':
      return errorReply(state, 504, 'GATEWAY_TIMEOUT', 'The data API did not answer in time');
    case 'network':
      return errorReply(state, 502, 'BAD_GATEWAY', 'The data API could not be reached');
    case 'too-large':
      return errorReply(state, 502, 'BAD_GATEWAY', 'The data API response was too large');
    case 'bad-encoding':
      return errorReply(state, 502, 'BAD_GATEWAY', 'The data API response could not be read');
  }
  if (leaks(result, context.apiKey)) {
    context.logger?.error({
      msg: 'clinik-proxy blocked a response containing the API key',
      requestId: state.requestId,
      route: state.route,
      upstreamStatus: result.status,
    });
    return errorReply(state, 502, 'BAD_GATEWAY', 'The data API response was withheld');
  }
  const headers = clientResponseHeaders(result.headers) as ReplyHeaders;
  const location = result.headers.location;
  if (location !== undefined && SAFE_MOUNT.test(context.mount)) {
    const rewritten = rewriteLocation(location, context.target, context.mount);
    if (rewritten !== undefined) headers.location = rewritten;
  }
  Object.assign(headers, state.ownHeaders);
  const bodyless = result.status === 204 || result.status === 304;
  if (!bodyless) headers['content-length'] = result.body.length;
  return { status: result.status, headers, body: bodyless ? null : result.body, state };
}
