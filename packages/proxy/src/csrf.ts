import type { Refusal } from './screen.js';

/** Methods that change nothing: never refused for where they come from. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const refused: Refusal = {
  status: 403,
  error: 'FORBIDDEN',
  message: 'Cross-site request refused',
};

/**
 * Cross-site request forgery check for every state-changing request (any method but GET, HEAD
 * and OPTIONS), on every route but the webhook receiver (signed). In the order browsers make
 * possible:
 *
 * 1. `Sec-Fetch-Site` (every current browser sends it): `same-origin` or `none` (typed by the
 *    user) pass; `same-site` and `cross-site` pass only from a trusted origin.
 * 2. No Fetch Metadata but an `Origin` (older browsers): it must name the host the request was
 *    sent to (`Host`), or be trusted. `Origin: null` (sandboxed frames, some redirects) fails.
 * 3. Neither header: not a browser (curl, a server, a test client), which holds no ambient
 *    credentials of the user to abuse; passes. Authentication still applies.
 *
 * Headers a page cannot set (`Sec-Fetch-*`, `Origin`) decide; nothing else is consulted.
 */
export function checkCrossSite(
  method: string,
  headers: Pick<Headers, 'get' | 'has'>,
  trustedOrigins: ReadonlySet<string>,
): Refusal | undefined {
  if (SAFE_METHODS.has(method)) return undefined;
  const origin = headers.get('origin');
  const site = headers.get('sec-fetch-site');
  if (site !== null) {
    if (site === 'same-origin' || site === 'none') return undefined;
    return origin !== null && trustedOrigins.has(origin) ? undefined : refused;
  }
  if (origin === null) return undefined;
  if (trustedOrigins.has(origin)) return undefined;
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return refused;
    originHost = url.host;
  } catch {
    return refused;
  }
  const host = headers.get('host');
  return host !== null && host.toLowerCase() === originHost ? undefined : refused;
}

/** Checks `csrf.trustedOrigins` entries: exact `https://app.example.com` origins, no path. */
export function normalizeOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.origin !== value.replace(/\/$/, '')) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
