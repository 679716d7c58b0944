import { hasMethodOverride, headersWithinLimits } from './headers.js';
import type { ReplyHeaders } from './respond.js';

/** Why a request is refused before its path is even looked at. */
export interface Refusal {
  status: number;
  error: string;
  message: string;
  headers?: ReplyHeaders;
}

const closeAfter = { connection: 'close' } as const;

/**
 * The checks that need nothing but the request line and headers: tunnelling methods, protocol
 * upgrades, method-override headers and oversized header sections.
 */
export function screenRequest(
  headers: Pick<Headers, 'get' | 'has'>,
  rawHeaders: readonly string[],
  method: string,
  limits: { headerCount: number; headerBytes: number },
): Refusal | undefined {
  if (method === 'TRACE' || method === 'CONNECT' || method === 'TRACK') {
    return {
      status: 405,
      error: 'METHOD_NOT_ALLOWED',
      message: `${method} is not allowed`,
      headers: closeAfter,
    };
  }
  if (headers.has('upgrade')) {
    return {
      status: 400,
      error: 'BAD_REQUEST',
      message: 'Protocol upgrades are not supported',
      headers: closeAfter,
    };
  }
  if (hasMethodOverride(headers)) {
    return {
      status: 400,
      error: 'METHOD_OVERRIDE_REJECTED',
      message: 'Method override headers are not accepted',
    };
  }
  if (!headersWithinLimits(rawHeaders, limits.headerCount, limits.headerBytes)) {
    return {
      status: 431,
      error: 'HEADERS_TOO_LARGE',
      message: 'Request headers are too large',
      headers: closeAfter,
    };
  }
  return undefined;
}
