import { hmacHex } from './hmac.js';
import type { WebhookEvent } from './types.js';

export interface SignWebhookOptions {
  /** The event to send, or an already serialized body. */
  payload: WebhookEvent | string;
  /** Signing secret(s). During rotation pass several: each adds a `v1=` to the V2 header. */
  secret: string | readonly string[];
  /** Unix seconds of the signature. Defaults to now. */
  timestamp?: number;
  /** `X-Clinik-Delivery-Id`. Defaults to a random `dlv_...` id. */
  deliveryId?: string;
}

export interface SignedWebhook {
  /** The exact bytes to send (signatures cover them byte for byte). */
  body: string;
  /** Headers to send with it (lower-case names). */
  headers: Record<string, string>;
}

function randomId(prefix: string): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Signs a webhook delivery the way ClinikAPI does: `X-Clinik-Signature-V2: t=<unix>,v1=<hex>`
 * over `"<t>.<body>"`, plus the legacy `X-Clinik-Signature` (HMAC of the body alone, first secret).
 */
export async function signWebhook(options: SignWebhookOptions): Promise<SignedWebhook> {
  const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s === '')) {
    throw new TypeError('signWebhook needs at least one non-empty secret');
  }
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const t = options.timestamp ?? Math.floor(Date.now() / 1000);
  const v1 = await Promise.all(secrets.map((secret) => hmacHex(secret, body, `${t}.`)));
  const legacy = await hmacHex(secrets[0] as string, body);
  const event = typeof options.payload === 'string' ? undefined : options.payload.event;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-clinik-delivery-id': options.deliveryId ?? randomId('dlv_'),
    'x-clinik-timestamp': String(t),
    'x-clinik-signature': legacy,
    'x-clinik-signature-v2': [`t=${t}`, ...v1.map((sig) => `v1=${sig}`)].join(','),
  };
  if (event) headers['x-clinik-event'] = event;
  return { body, headers };
}
