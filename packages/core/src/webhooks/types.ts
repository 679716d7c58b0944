/** `created`, `updated` or `deleted`. */
export type WebhookAction = 'created' | 'updated' | 'deleted';

/** The body of a webhook delivery: ids only, never patient data. */
export interface WebhookEvent {
  /** `evt_...`; de-duplicate on it (deliveries are at-least-once). */
  id: string;
  /** `{resource}.{action}`, e.g. `appointment.created`, `care-plan.deleted`. */
  event: string;
  timestamp: string;
  data: {
    /** Singular kebab-case resource name, e.g. `care-plan`. */
    resourceType: string;
    resourceId: string;
    action: WebhookAction;
    tenantId: string;
    environment: 'test' | 'live';
  };
}

export const WEBHOOK_HEADERS = {
  event: 'x-clinik-event',
  deliveryId: 'x-clinik-delivery-id',
  timestamp: 'x-clinik-timestamp',
  signature: 'x-clinik-signature',
  signatureV2: 'x-clinik-signature-v2',
} as const;
