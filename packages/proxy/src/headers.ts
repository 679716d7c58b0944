import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

/** Client request headers copied upstream; everything else is dropped. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'content-type',
  'if-match',
  'if-none-match',
  'prefer',
  'idempotency-key',
] as const;

/** An entity tag as RFC 9110 section 8.8.3 writes it (`"v"` or `W/"v"`). */
export const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e]*"$/;

/** The method-override headers the contract answers with 400 METHOD_OVERRIDE_REJECTED. */
export const METHOD_OVERRIDE_HEADERS = [
  'x-http-method-override',
  'x-http-method',
  'x-method-override',
] as const;

/**
 * Sent on every response of the proxy: the API's answers are data, never pages, so a browser
 * must not sniff or render them on the app's origin (think of an HTML error page from a CDN).
 */
export const SAFETY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
} as const;

/** Upstream response headers copied to the client; everything else is dropped. */
const FORWARDED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-language',
  'cache-control',
  'etag',
  'last-modified',
  'retry-after',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-quota-limit',
  'x-quota-used',
  'x-quota-remaining',
  'x-quota-reset',
]);

export function hasMethodOverride(headers: Pick<Headers, 'get' | 'has'>): boolean {
  return METHOD_OVERRIDE_HEADERS.some((name) => headers.has(name));
}

/** Checks count and total size of the raw request headers. */
export function headersWithinLimits(
  rawHeaders: readonly string[],
  maxCount: number,
  maxBytes: number,
): boolean {
  if (rawHeaders.length / 2 > maxCount) return false;
  let bytes = 0;
  // node:http decodes header bytes as latin1, so string length is the byte count.
  for (const part of rawHeaders) bytes += part.length;
  return bytes <= maxBytes;
}

/** The raw header list of a Web `Request` (repeated headers arrive combined), as name/value pairs. */
export function rawHeadersOf(headers: Headers): string[] {
  const raw: string[] = [];
  for (const [name, value] of headers) raw.push(name, value);
  return raw;
}

/** Builds the upstream request headers from the allowlist plus the proxy's own. */
export function upstreamRequestHeaders(
  incoming: Pick<Headers, 'get' | 'has'>,
  own: { apiKey: string; requestId: string; host: string; contentLength: number | undefined },
): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers[name] = value;
  }
  headers.host = own.host;
  headers['x-api-key'] = own.apiKey;
  headers['x-request-id'] = own.requestId;
  // Identity encoding keeps the body scannable for a leaked key.
  headers['accept-encoding'] = 'identity';
  headers['user-agent'] = 'clinikapi-proxy';
  if (own.contentLength !== undefined) headers['content-length'] = String(own.contentLength);
  return headers;
}

/** Copies the allowlisted upstream response headers. `location` is handled separately. */
export function clientResponseHeaders(upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value !== undefined && FORWARDED_RESPONSE_HEADERS.has(name)) headers[name] = value;
  }
  // Responses carry patient data: never cache them in shared caches unless the API said otherwise.
  if (headers['cache-control'] === undefined) headers['cache-control'] = 'no-store';
  return Object.assign(headers, SAFETY_HEADERS);
}

/**
 * Where an upstream `Location` may point on the client's side: a URL on the upstream's origin
 * under `/v1/` becomes the same path under the mount path; anything else is dropped.
 */
export function rewriteLocation(
  location: string,
  target: URL,
  mountPath: string,
): string | undefined {
  let resolved: URL;
  try {
    resolved = new URL(location, target);
  } catch {
    return undefined;
  }
  if (resolved.origin !== target.origin) return undefined;
  const base = target.pathname.replace(/\/+$/, '');
  if (!resolved.pathname.startsWith(`${base}/v1/`)) return undefined;
  const path = resolved.pathname.slice(base.length);
  if (!/^(\/[A-Za-z0-9\-_.]+)+$/.test(path) || /\/\.\.?(\/|$)/.test(path)) return undefined;
  return `${mountPath}${path}${resolved.search}`;
}
