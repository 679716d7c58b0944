import type { Database } from '../db/database.js';
import type { ChangeListener } from '../events.js';
import { type DeliveryAttempt, type WebhookDelivery, WebhookDispatcher } from './dispatcher.js';
import { type AddEndpointOptions, type WebhookEndpoint, WebhookEndpoints } from './endpoints.js';

export { RETRY_DELAYS_SECONDS } from './dispatcher.js';
export type { AddEndpointOptions, DeliveryAttempt, WebhookDelivery, WebhookEndpoint };

/** The sandbox's webhook API (also behind `clinik-sandbox webhooks ...`). */
export interface SandboxWebhooks {
  /** Registers an endpoint; the signing `secret` is returned only here. */
  add(options: AddEndpointOptions): Promise<{ endpoint: WebhookEndpoint; secret: string }>;
  list(org: string): Promise<WebhookEndpoint[]>;
  remove(id: string): Promise<boolean>;
  /** New secret; the old one keeps signing alongside for `graceSeconds` (default 24 h). */
  rotate(id: string, graceSeconds?: number): Promise<{ secret: string } | undefined>;
  /** The delivery log of an endpoint, newest first. */
  deliveries(endpointId: string, limit?: number): Promise<WebhookDelivery[]>;
}

export interface WebhookRuntimeOptions {
  /** Multiplies retry delays; e.g. 0.001 turns 30 s into 30 ms for tests. Defaults to 1. */
  timeScale?: number;
  /** Per-attempt time limit. Defaults to 10000 ms. */
  timeoutMs?: number;
}

/** Subscribes the dispatcher to changes and resumes pending retries (the tables come from the migrations). */
export async function startWebhooks(
  db: Database,
  subscribe: (listener: ChangeListener) => () => void,
  options: WebhookRuntimeOptions = {},
): Promise<{ api: SandboxWebhooks; stop: () => Promise<void> }> {
  const endpoints = new WebhookEndpoints(db);
  const dispatcher = new WebhookDispatcher({ db, endpoints, ...options });
  const pending = new Set<Promise<void>>();
  const unsubscribe = subscribe((change) => {
    const work = dispatcher.enqueue(change).catch(() => {});
    pending.add(work);
    void work.then(() => pending.delete(work));
  });
  dispatcher.start();
  return {
    api: {
      add: (o) => endpoints.add(o),
      list: (org) => endpoints.list(org),
      remove: (id) => endpoints.remove(id),
      rotate: (id, grace) => endpoints.rotate(id, grace),
      deliveries: (id, limit) => dispatcher.deliveries(id, limit),
    },
    stop: async () => {
      unsubscribe();
      await Promise.all(pending);
      await dispatcher.stop();
    },
  };
}
