import type { ChangeNotice } from '@clinikapi/core';

export type { ChangeNotice };

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
