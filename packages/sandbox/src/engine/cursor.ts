import { createHmac, timingSafeEqual } from 'node:crypto';
import { isValidId } from '@clinikapi/core';

/**
 * Where a page ended: the last row's sort key and id. `key` is an ISO instant (`created_at`, or
 * `main_date` for the date orders) or `null` for a row without a main date.
 */
export interface KeysetPosition {
  readonly key: string | null;
  readonly id: string;
}

const MAC_BYTES = 32;
const DOMAIN = 'clinik-sandbox-cursor-v1';
const ISO_INSTANT = /^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Opaque, tamper-checked keyset cursors: base64url of HMAC-SHA256 (32 bytes) followed by the JSON
 * `[key, id]`. The MAC also covers a `binding` (the search's sort order and a fingerprint of its
 * tenant, type and filters) that the cursor does not carry, so a cursor only continues the search
 * that issued it. `secret` is shared by every process on one database (`sandbox_settings`), so a
 * cursor from one process works on another.
 */
export class CursorCodec {
  readonly #secret: Buffer;

  constructor(secret: string | Buffer) {
    this.#secret = Buffer.isBuffer(secret) ? secret : Buffer.from(secret, 'utf8');
    if (this.#secret.length < 16) throw new TypeError('cursor secret must have at least 16 bytes');
  }

  encode(binding: string, position: KeysetPosition): string {
    const payload = Buffer.from(JSON.stringify([position.key, position.id]), 'utf8');
    return Buffer.concat([this.#mac(binding, payload), payload]).toString('base64url');
  }

  /**
   * The position a cursor names, or `undefined` for a missing, forged, truncated or other-search
   * cursor: the caller then starts from the first page (the contract's rule), never errors.
   */
  decode(binding: string, cursor: string | null): KeysetPosition | undefined {
    if (!cursor || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
    const bytes = Buffer.from(cursor, 'base64url');
    // Only the exact text this codec wrote (base64url decoding ignores stray trailing characters).
    if (bytes.length <= MAC_BYTES || bytes.toString('base64url') !== cursor) return undefined;
    const mac = bytes.subarray(0, MAC_BYTES);
    const payload = bytes.subarray(MAC_BYTES);
    if (!timingSafeEqual(mac, this.#mac(binding, payload))) return undefined;
    try {
      const parsed = JSON.parse(payload.toString('utf8')) as unknown;
      if (!Array.isArray(parsed) || parsed.length !== 2) return undefined;
      const [key, id] = parsed as unknown[];
      if (typeof id !== 'string' || !isValidId(id)) return undefined;
      if (key !== null && (typeof key !== 'string' || !ISO_INSTANT.test(key))) return undefined;
      return { key, id };
    } catch {
      return undefined;
    }
  }

  #mac(binding: string, payload: Buffer): Buffer {
    return createHmac('sha256', this.#secret)
      .update(`${DOMAIN}\n${binding}\n`)
      .update(payload)
      .digest();
  }
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;

/** `count`: default 20; above 100 clamps to 100; missing, zero, negative or non-numeric gives 20. */
export function parseCount(raw: string | null): number {
  if (raw === null || !/^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return DEFAULT_COUNT;
  const value = Math.floor(Number(raw));
  if (value <= 0) return DEFAULT_COUNT;
  return Math.min(value, MAX_COUNT);
}
