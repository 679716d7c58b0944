import type { WebhookAction } from '@clinikapi/core';

/** A change as browsers receive it: ids only, never patient data. */
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

/** Fans notices out to every proxy instance (memory: one process; Redis: pub/sub). */
export interface EventBus {
  publish(notice: ChangeNotice): Promise<void> | void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (notice: ChangeNotice) => void): (() => void) | Promise<() => void>;
  close?(): Promise<void> | void;
}

/** Remembers webhook event ids so an at-least-once delivery is processed once. */
export interface DedupeStore {
  /** `true` the first time `id` is claimed within `ttlMs`, `false` for a repeat. */
  claim(id: string, ttlMs: number): Promise<boolean> | boolean;
  /** Forgets a claim whose processing failed, so a retry is accepted. */
  release?(id: string): Promise<void> | void;
  close?(): Promise<void> | void;
}
