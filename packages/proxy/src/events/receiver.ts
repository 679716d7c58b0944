import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClinikWebhookError, getResourceByEvent, verifyWebhook } from '@clinikapi/core';
import type { ChangeNotice, DedupeStore, EventBus } from './types.js';

/** The sender retries for 30 s + 2 min + 8 min + 32 min + 2 h; ids are remembered longer than that. */
export const DEFAULT_DEDUPE_TTL_MS = 6 * 60 * 60 * 1000;

export interface WebhookReceiverOptions {
  /** Signing secrets; several during rotation. */
  secrets: readonly string[];
  bus: EventBus;
  dedupe: DedupeStore;
  /** How long event ids are remembered. Defaults to 6 hours. */
  dedupeTtlMs?: number;
  /** Accepted clock distance of signatures, in seconds. Defaults to 300. */
  toleranceSeconds?: number;
  /** Largest accepted body. Defaults to 64 KiB (events carry ids only). */
  maxBodyBytes?: number;
  /** Told about refused deliveries (code only) and store failures. */
  onIncident?: (incident: { code: string; status: number }) => void;
}

type Outcome = { status: number; body: Record<string, unknown> };

function send(res: ServerResponse, { status, body }: Outcome) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readRaw(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'consumed'> {
  if (req.readableEnded || (req as { body?: unknown }).body !== undefined) {
    // A body parser ran first. Apps that keep the raw bytes (express.json({ verify })) still work.
    const raw = (req as { rawBody?: unknown }).rawBody;
    if (Buffer.isBuffer(raw)) return Promise.resolve(raw.length > limit ? 'too-large' : raw);
    if (typeof raw === 'string') return Promise.resolve(Buffer.from(raw));
    return Promise.resolve('consumed');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const STATUS_BY_CODE: Record<string, number> = {
  ERR_CLINIK_WEBHOOK_MISSING_SIGNATURE: 401,
  ERR_CLINIK_WEBHOOK_MALFORMED_SIGNATURE: 400,
  ERR_CLINIK_WEBHOOK_TIMESTAMP_TOO_OLD: 401,
  ERR_CLINIK_WEBHOOK_TIMESTAMP_IN_FUTURE: 401,
  ERR_CLINIK_WEBHOOK_SIGNATURE_MISMATCH: 401,
  ERR_CLINIK_WEBHOOK_INVALID_PAYLOAD: 400,
};

/**
 * The webhook endpoint: verifies the raw body's signature, drops repeats of an event id, answers
 * 2xx as soon as an id-only notice is published to the event bus.
 */
export function createWebhookReceiver(options: WebhookReceiverOptions) {
  const ttl = options.dedupeTtlMs ?? DEFAULT_DEDUPE_TTL_MS;
  const limit = options.maxBodyBytes ?? 64 * 1024;
  const refuse = (res: ServerResponse, status: number, code: string, message: string) => {
    options.onIncident?.({ code, status });
    send(res, { status, body: { error: code, message, code: String(status) } });
  };

  return async function clinikWebhookReceiver(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Webhooks are delivered with POST');
      return;
    }
    const raw = await readRaw(req, limit);
    if (raw === 'too-large')
      return refuse(res, 413, 'PAYLOAD_TOO_LARGE', `Webhook bodies are limited to ${limit} bytes`);
    if (raw === 'consumed') {
      return refuse(
        res,
        500,
        'BODY_ALREADY_PARSED',
        'A body parser consumed the webhook body before the receiver: mount the proxy before express.json(), or keep req.rawBody',
      );
    }
    let event: Awaited<ReturnType<typeof verifyWebhook>>;
    try {
      event = await verifyWebhook({
        rawBody: raw,
        headers: req.headers,
        secrets: options.secrets,
        toleranceSeconds: options.toleranceSeconds ?? 300,
      });
    } catch (error) {
      if (!(error instanceof ClinikWebhookError)) throw error;
      return refuse(res, STATUS_BY_CODE[error.code] ?? 400, 'INVALID_WEBHOOK', error.message);
    }

    let first: boolean;
    try {
      first = await options.dedupe.claim(event.id, ttl);
    } catch {
      // Without the store we cannot tell a repeat: ask the sender to retry later rather than lose it.
      return refuse(res, 503, 'STORE_UNAVAILABLE', 'Event store unavailable; retry later');
    }
    if (!first) {
      send(res, { status: 200, body: { received: true, duplicate: true } });
      return;
    }
    const resource = getResourceByEvent(event.data.resourceType);
    if (!resource) {
      options.onIncident?.({ code: 'UNKNOWN_RESOURCE_TYPE', status: 200 });
      send(res, { status: 200, body: { received: true, duplicate: false } });
      return;
    }
    const notice: ChangeNotice = {
      id: event.id,
      event: event.event,
      resource: resource.path,
      resourceId: event.data.resourceId,
      action: event.data.action,
      timestamp: event.timestamp,
    };
    try {
      await options.bus.publish(notice);
    } catch {
      // Not published: forget the id and let the sender's retry deliver it again.
      try {
        await options.dedupe.release?.(event.id);
      } catch {
        // The store is failing as a whole; the failure is reported below and the sender retries.
      }
      return refuse(res, 503, 'STORE_UNAVAILABLE', 'Event bus unavailable; retry later');
    }
    send(res, { status: 200, body: { received: true, duplicate: false } });
  };
}
