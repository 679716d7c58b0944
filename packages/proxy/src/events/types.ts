import type { ChangeNotice } from '@clinikapi/core';

export type { ChangeNotice };

/**
 * What a bus tells the proxy about its subscription: `'down'` (notices published from now on may
 * be missed), `'up'` (receiving again) or `'reset'` (an instance delivered changes only locally
 * during an outage: every stream should tell its clients to refetch).
 */
export type BusSignal = 'down' | 'up' | 'reset';

/** Fans notices out to every proxy instance (memory: one process; Redis: pub/sub). */
export interface EventBus {
  publish(notice: ChangeNotice): Promise<void> | void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (notice: ChangeNotice) => void): (() => void) | Promise<() => void>;
  close?(): Promise<void> | void;
  /** Optional: succeeds when the backing service answers (readiness checks, outage probes). */
  ping?(): Promise<void> | void;
  /** Optional: reports the subscription's state changes; returns the function that stops them. */
  watch?(listener: (signal: BusSignal) => void): () => void;
  /** Optional: sends `'reset'` to every instance's `watch` listeners, this one's included. */
  publishReset?(): Promise<void> | void;
}

/** What a claim found: first (`true`), a repeat (`false`), or another delivery in progress. */
export type ClaimResult = boolean | 'pending';

/** Remembers webhook event ids so an at-least-once delivery is processed once. */
export interface DedupeStore {
  /**
   * `true` the first time `id` is claimed within `ttlMs`, `false` for a repeat, `'pending'` (stores
   * with `confirm`) while another delivery of `id` is claimed but not yet confirmed.
   */
  claim(id: string, ttlMs: number): Promise<ClaimResult> | ClaimResult;
  /**
   * Optional, for stores whose answers can be lost (a network store): the receiver then claims
   * with a short lease (20 s) and confirms with the full time once the change is published. A
   * repeat meanwhile is answered `'pending'` (the sender retries later), so a claim whose answer
   * never arrived cannot turn the sender's retry into a "repeat": it is released, confirmed or
   * expires first.
   */
  confirm?(id: string, ttlMs: number): Promise<void> | void;
  /** Forgets a claim whose processing failed, so a retry is accepted. */
  release?(id: string): Promise<void> | void;
  close?(): Promise<void> | void;
  /** Optional: succeeds when the backing service answers (readiness checks, outage probes). */
  ping?(): Promise<void> | void;
}
