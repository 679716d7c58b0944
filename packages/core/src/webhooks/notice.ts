import type { WebhookAction } from './types.js';

/**
 * A change as a proxy streams it to browsers (Server-Sent Events `event: change`): ids only,
 * never patient data. Built from a verified webhook event.
 */
export interface ChangeNotice {
  /** The webhook event id (`evt_...`); also the SSE `id:`, so `Last-Event-ID` can resume. */
  id: string;
  /** `{resource}.{action}`, e.g. `appointment.updated`. */
  event: string;
  /** REST path of the resource, e.g. `appointments` (what query keys use). */
  resource: string;
  resourceId: string;
  action: WebhookAction;
  timestamp: string;
}

/** Checks an untrusted value (from a stream or a pub/sub channel) is a well-formed notice. */
export function isChangeNotice(value: unknown): value is ChangeNotice {
  const v = value as Partial<ChangeNotice> | null;
  return (
    typeof v?.id === 'string' &&
    typeof v.event === 'string' &&
    typeof v.resource === 'string' &&
    typeof v.resourceId === 'string' &&
    (v.action === 'created' || v.action === 'updated' || v.action === 'deleted') &&
    typeof v.timestamp === 'string'
  );
}
