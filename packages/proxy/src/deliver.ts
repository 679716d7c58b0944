import type { IncomingHttpHeaders } from 'node:http';
import { clientResponseHeaders, rewriteLocation } from './headers.js';
import { errorReply, type Reply, type ReplyHeaders, type RequestState } from './respond.js';
import type { ProxyLogger } from './types.js';
import type { UpstreamResult } from './upstream.js';

/** What one logical upstream call ends with: an upstream result, or the open circuit. */
export type ExchangeResult = UpstreamResult | { kind: 'open'; waitMs: number };

/** A mount path the proxy may put in front of rewritten links (`/api/clinik`, or empty). */
export const SAFE_MOUNT = /^(\/[A-Za-z0-9\-_.]+)*$/;

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

/** True when `key` is in a header name or value. Names arrive lower-cased, so they are compared without case; values as sent. */
export function headersInclude(headers: IncomingHttpHeaders, key: string): boolean {
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
  const incident = (msg: string, extra: Record<string, unknown> = {}) =>
    context.logger?.error({
      msg,
      requestId: state.requestId,
      route: state.route,
      target: context.target.host,
      ...extra,
    });
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
      incident('clinik-proxy data API did not answer in time', { cause: 'TIMEOUT' });
      return errorReply(state, 504, 'GATEWAY_TIMEOUT', 'The data API did not answer in time');
    case 'network':
      // e.g. ECONNREFUSED (nothing listens at the target), ENOTFOUND, UND_ERR_SOCKET (cut off).
      incident('clinik-proxy could not reach the data API', { cause: result.cause });
      return errorReply(state, 502, 'BAD_GATEWAY', 'The data API could not be reached');
    case 'too-large':
      incident('clinik-proxy data API response over limits.responseBytes', {
        cause: 'RESPONSE_TOO_LARGE',
      });
      return errorReply(state, 502, 'BAD_GATEWAY', 'The data API response was too large');
    case 'bad-encoding':
      incident('clinik-proxy data API response in an encoding the proxy cannot check', {
        cause: 'UNREADABLE_ENCODING',
      });
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
  if (result.status === 401 || result.status === 403) {
    // The data API authenticates nobody but this server: a 401 or 403 is about the proxy's own
    // key (revoked, expired, wrong, or a read-only key asked to write), not about the user.
    // Passed on as it is, the browser would sign its user out; it is the server's fault.
    incident(
      result.status === 401
        ? "clinik-proxy the data API refused the proxy's API key (revoked, expired or wrong): check apiKey"
        : "clinik-proxy the data API refused this request for the proxy's API key (its scope does not allow the method)",
      { upstreamStatus: result.status, upstreamError: upstreamErrorCode(result.body) },
    );
    return errorReply(
      state,
      502,
      'UPSTREAM_KEY_REJECTED',
      'The data API refused the server’s credentials; the administrator has been told',
    );
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

/** The data API's machine code (`KEY_REVOKED`) from an error body, when it is one; else null. */
function upstreamErrorCode(body: Buffer): string | null {
  try {
    const code = (JSON.parse(body.toString('utf8')) as { error?: unknown }).error;
    return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : null;
  } catch {
    return null;
  }
}
