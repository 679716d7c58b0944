import { hmacHex, timingSafeEqualString } from './hmac.js';
import { WEBHOOK_HEADERS, type WebhookEvent } from './types.js';

export type WebhookErrorCode =
  | 'ERR_CLINIK_WEBHOOK_NO_SECRET'
  | 'ERR_CLINIK_WEBHOOK_MISSING_SIGNATURE'
  | 'ERR_CLINIK_WEBHOOK_MALFORMED_SIGNATURE'
  | 'ERR_CLINIK_WEBHOOK_TIMESTAMP_TOO_OLD'
  | 'ERR_CLINIK_WEBHOOK_TIMESTAMP_IN_FUTURE'
  | 'ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH'
  | 'ERR_CLINIK_WEBHOOK_INVALID_PAYLOAD';

/** A webhook delivery was refused. `code` says why; the message never contains secrets or the body. */
export class ClinikWebhookError extends Error {
  override name = 'ClinikWebhookError';
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Request headers as a Fetch `Headers` or a Node `IncomingHttpHeaders`-like record. */
export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** The body exactly as received, before any JSON parsing. */
  rawBody: string | Uint8Array;
  headers: WebhookHeaders;
  /** The endpoint's signing secret. */
  secret?: string;
  /** Several secrets during rotation: a delivery signed with any of them passes. */
  secrets?: readonly string[];
  /** Largest accepted distance between the signature time and now, in seconds. Defaults to 300. */
  toleranceSeconds?: number;
  /**
   * Accept the legacy `X-Clinik-Signature` (no timestamp, so no replay protection) when the V2
   * header is absent. Defaults to false.
   */
  allowLegacySignature?: boolean;
  /** Current unix time in seconds. Defaults to the clock. */
  now?: number;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function')
    return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  for (const [key, value] of Object.entries(record)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value.join(',') : (value as string | undefined);
  }
  return undefined;
}

interface ParsedV2 {
  timestamp: number;
  signatures: string[];
}

function parseV2(value: string): ParsedV2 {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const val = part.slice(eq + 1).trim();
    if (eq < 0) continue;
    if (key === 't') {
      if (timestamp !== undefined || !/^\d{1,12}$/.test(val)) {
        throw new ClinikWebhookError(
          'ERR_CLINIK_WEBHOOK_MALFORMED_SIGNATURE',
          'Signature header has a missing or repeated t=',
        );
      }
      timestamp = Number(val);
    } else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(val)) {
      signatures.push(val.toLowerCase());
    }
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new ClinikWebhookError(
      'ERR_CLINIK_WEBHOOK_MALFORMED_SIGNATURE',
      'Signature header must look like t=<unix seconds>,v1=<64 hex characters>',
    );
  }
  return { timestamp, signatures };
}

function parseEvent(rawBody: string | Uint8Array): WebhookEvent {
  const text = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ClinikWebhookError(
      'ERR_CLINIK_WEBHOOK_INVALID_PAYLOAD',
      'Webhook body is not valid JSON',
    );
  }
  const v = value as Partial<WebhookEvent> | null;
  const d = v?.data;
  const ok =
    typeof v?.id === 'string' &&
    typeof v.event === 'string' &&
    typeof v.timestamp === 'string' &&
    typeof d?.resourceType === 'string' &&
    typeof d.resourceId === 'string' &&
    (d.action === 'created' || d.action === 'updated' || d.action === 'deleted');
  if (!ok) {
    throw new ClinikWebhookError(
      'ERR_CLINIK_WEBHOOK_INVALID_PAYLOAD',
      'Webhook body is not a ClinikAPI event',
    );
  }
  return value as WebhookEvent;
}

async function matchesAny(
  secrets: readonly string[],
  candidates: readonly string[],
  body: string | Uint8Array,
  prefix: string,
) {
  let matched = false;
  for (const secret of secrets) {
    const expected = await hmacHex(secret, body, prefix);
    // Check every candidate against every secret: no early exit that would leak which one matched.
    for (const candidate of candidates)
      matched = timingSafeEqualString(expected, candidate) || matched;
  }
  return matched;
}

/**
 * Verifies a ClinikAPI webhook delivery and returns its parsed event. Checks the
 * `X-Clinik-Signature-V2` header (any `v1=` against any secret, in constant time) and that its
 * timestamp is within `toleranceSeconds` of now. Throws `ClinikWebhookError` otherwise.
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const secrets = [...(options.secrets ?? []), ...(options.secret ? [options.secret] : [])].filter(
    (s) => typeof s === 'string' && s !== '',
  );
  if (secrets.length === 0) {
    throw new ClinikWebhookError(
      'ERR_CLINIK_WEBHOOK_NO_SECRET',
      'verifyWebhook needs secret or secrets',
    );
  }
  const tolerance = options.toleranceSeconds ?? 300;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const v2 = header(options.headers, WEBHOOK_HEADERS.signatureV2);

  if (v2 === undefined) {
    const legacy = header(options.headers, WEBHOOK_HEADERS.signature)?.trim().toLowerCase();
    if (!options.allowLegacySignature || !legacy) {
      throw new ClinikWebhookError(
        'ERR_CLINIK_WEBHOOK_MISSING_SIGNATURE',
        options.allowLegacySignature
          ? 'No X-Clinik-Signature-V2 or X-Clinik-Signature header'
          : 'No X-Clinik-Signature-V2 header (legacy signatures are not accepted)',
      );
    }
    if (!/^[0-9a-f]{64}$/.test(legacy)) {
      throw new ClinikWebhookError(
        'ERR_CLINIK_WEBHOOK_MALFORMED_SIGNATURE',
        'X-Clinik-Signature must be 64 hex characters',
      );
    }
    if (!(await matchesAny(secrets, [legacy], options.rawBody, ''))) {
      throw new ClinikWebhookError(
        'ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH',
        'Webhook signature does not match',
      );
    }
    return parseEvent(options.rawBody);
  }

  const { timestamp, signatures } = parseV2(v2);
  if (now - timestamp > tolerance) {
    throw new ClinikWebhookError(
      'ERR_CLINIK_WEBHOOK_TIMESTAMP_TOO_OLD',
      `Webhook timestamp is more than ${tolerance} s old (replayed or delayed delivery)`,
    );
  }
  if (timestamp - now > tolerance) {
    throw new ClinikWebhookError(
      'ERR_CLINIK_WEBHOOK_TIMESTAMP_IN_FUTURE',
      `Webhook timestamp is more than ${tolerance} s in the future (check the clocks)`,
    );
  }
  if (!(await matchesAny(secrets, signatures, options.rawBody, `${timestamp}.`))) {
    throw new ClinikWebhookError(
      'ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH',
      'Webhook signature does not match',
    );
  }
  return parseEvent(options.rawBody);
}
