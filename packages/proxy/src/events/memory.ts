import type { ChangeNotice, DedupeStore, EventBus } from './types.js';

/** In-process fan-out: enough for a single proxy instance. */
export class MemoryEventBus implements EventBus {
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();

  publish(notice: ChangeNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  subscribe(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
  }
}

/** Event ids seen recently, in process memory, swept as they expire. */
export class MemoryDedupeStore implements DedupeStore {
  private readonly seen = new Map<string, number>();
  private readonly now: () => number;
  private lastSweep = 0;

  constructor(options: { now?: () => number } = {}) {
    this.now = options.now ?? Date.now;
  }

  claim(id: string, ttlMs: number): boolean {
    const now = this.now();
    if (now - this.lastSweep > 60_000) this.sweep(now);
    const expiresAt = this.seen.get(id);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.seen.set(id, now + ttlMs);
    return true;
  }

  release(id: string): void {
    this.seen.delete(id);
  }

  close(): void {
    this.seen.clear();
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [id, expiresAt] of this.seen) if (expiresAt <= now) this.seen.delete(id);
  }
}
