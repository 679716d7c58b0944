import { ClinikWebhookError, getResourceByEvent, verifyWebhook } from '@clinikapi/core';
import type { BodySource } from '../body.js';
import { StoreUnavailableError } from '../stores/guard.js';
import type { ChangeNotice, DedupeStore, EventBus } from './types.js';

/** A webhook resource name as the API writes them (`care-plan`); others are not logged. */
const SAFE_TYPE = /^[a-z][a-z0-9-]{0,63}$/;

/** The sender retries for 30 s + 2 min + 8 min + 32 min + 2 h; ids are remembered longer than that. */
export const DEFAULT_DEDUPE_TTL_MS = 6 * 60 * 60 * 1000;

/**
 * How long an unconfirmed claim holds (stores with `confirm`): shorter than the sender's first
 * retry delay (30 s), so a claim whose answer was lost never makes that retry look like a repeat.
 */
export const CLAIM_LEASE_MS = 20_000;

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
  /** Milliseconds to receive the body. Defaults to 30000. */
  bodyTimeoutMs?: number;
  /** Told about refused deliveries (code only) and store failures. */
  onIncident?: (incident: {
    code: string;
    status: number;
    resourceType?: string | undefined;
  }) => void;
}

/** The receiver's answer; the pipeline turns it into a reply. */
export interface WebhookOutcome {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
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
  const refuse = (
    status: number,
    code: string,
    message: string,
    headers?: Record<string, string>,
  ): WebhookOutcome => {
    options.onIncident?.({ code, status });
    return { status, body: { error: code, message, code: String(status) }, headers };
  };

  return async function clinikWebhookReceiver(
    method: string,
    headers: Pick<Headers, 'get' | 'has'>,
    body: BodySource,
  ): Promise<WebhookOutcome> {
    if (method !== 'POST') {
      body.discard();
      return refuse(405, 'METHOD_NOT_ALLOWED', 'Webhooks are delivered with POST', {
        allow: 'POST',
      });
    }
    const raw = await body.raw(limit, options.bodyTimeoutMs ?? 30_000);
    if (raw === 'too-large')
      return refuse(413, 'PAYLOAD_TOO_LARGE', `Webhook bodies are limited to ${limit} bytes`);
    if (raw === 'timeout') return refuse(408, 'REQUEST_TIMEOUT', 'Request body took too long');
    if (raw === 'cut-off') return refuse(400, 'BAD_REQUEST', 'Request body was cut off');
    if (raw === 'consumed') {
      return refuse(
        500,
        'BODY_ALREADY_PARSED',
        'A body parser consumed the webhook body before the receiver: mount the proxy before express.json(), or keep req.rawBody',
      );
    }
    let event: Awaited<ReturnType<typeof verifyWebhook>>;
    try {
      event = await verifyWebhook({
        rawBody: raw,
        headers: headers as Headers,
        secrets: options.secrets,
        toleranceSeconds: options.toleranceSeconds ?? 300,
      });
    } catch (error) {
      if (!(error instanceof ClinikWebhookError)) throw error;
      return refuse(STATUS_BY_CODE[error.code] ?? 400, 'INVALID_WEBHOOK', error.message);
    }

    let first: boolean | 'pending';
    try {
      first = await options.dedupe.claim(
        event.id,
        options.dedupe.confirm ? Math.min(ttl, CLAIM_LEASE_MS) : ttl,
      );
    } catch (error) {
      // Without the store we cannot tell a repeat: ask the sender to retry later rather than lose it.
      return refuse(503, 'STORE_UNAVAILABLE', 'Event store unavailable; retry later', {
        'retry-after': retryAfter(error),
      });
    }
    if (first === 'pending') {
      // Claimed by another delivery whose outcome is not known yet: it is confirmed or released
      // shortly, so the sender's retry gets a definite answer.
      return refuse(
        503,
        'DELIVERY_IN_PROGRESS',
        'Another delivery of this event is being processed; retry later',
        { 'retry-after': '5' },
      );
    }
    if (!first) return { status: 200, body: { received: true, duplicate: true } };
    const resource = getResourceByEvent(event.data.resourceType);
    if (!resource) {
      // Not acknowledged: the sender keeps it as failed (visible in its delivery log) and retries,
      // so an instance that knows the type (a newer version mid-deploy) can still take it.
      try {
        await options.dedupe.release?.(event.id);
      } catch {
        // The sender's retry is then recognised as a duplicate; the incident is logged anyway.
      }
      const type = SAFE_TYPE.test(event.data.resourceType) ? event.data.resourceType : undefined;
      options.onIncident?.({ code: 'UNKNOWN_RESOURCE_TYPE', status: 422, resourceType: type });
      return {
        status: 422,
        body: {
          error: 'UNKNOWN_RESOURCE_TYPE',
          message:
            'This receiver does not know the resource type of this event; subscribe the endpoint to the events of the resources your app uses',
          code: '422',
        },
      };
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
    } catch (error) {
      // Not published: forget the id and let the sender's retry deliver it again.
      try {
        await options.dedupe.release?.(event.id);
      } catch {
        // The store is failing as a whole; the failure is reported below and the sender retries.
      }
      return refuse(503, 'STORE_UNAVAILABLE', 'Event bus unavailable; retry later', {
        'retry-after': retryAfter(error),
      });
    }
    if (options.dedupe.confirm) {
      try {
        await options.dedupe.confirm(event.id, ttl);
      } catch {
        // Published: the lease still holds off repeats for a while; a later one is published
        // again (streams drop a notice id they already sent).
      }
    }
    return { status: 200, body: { received: true, duplicate: false } };
  };
}

/** Seconds until the store is tried again, when the proxy's guard knows; else a short wait. */
function retryAfter(error: unknown): string {
  return String(error instanceof StoreUnavailableError ? error.retryAfterSeconds : 5);
}
