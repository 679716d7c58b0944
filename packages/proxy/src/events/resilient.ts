import { STORE_PROBE_MS, StoreGuard, StoreTimeoutError } from '../stores/guard.js';
import type { ProxyLogger } from '../types.js';
import type { BusSignal, ChangeNotice, ClaimResult, DedupeStore, EventBus } from './types.js';

/** The bus reported that its subscription stopped receiving (a dropped connection). */
export class BusSubscriptionLostError extends Error {
  override name = 'BusSubscriptionLostError';
  readonly code = 'ERR_CLINIK_BUS_SUBSCRIPTION_LOST';
}

/**
 * The event bus as the proxy uses it: every call bounded, and when the shared bus fails (or its
 * subscription drops) changes are delivered to this instance's streams directly. When the bus is
 * back, streams that may have missed changes are told to refetch (`event: reset`): this
 * instance's if its subscription dropped, every instance's (`publishReset`) if it delivered
 * changes only locally. Subscribing never waits for the bus: streams open during an outage.
 */
export class ResilientBus implements EventBus {
  readonly guard: StoreGuard;
  private readonly listeners = new Set<(notice: ChangeNotice) => void>();
  private readonly watchers = new Set<(signal: BusSignal) => void>();
  /** The inner bus accepted our listener (it resubscribes by itself after a reconnect). */
  private held = false;
  /** The subscription is receiving (held, and no `'down'` since the last `'up'`). */
  private live = false;
  private attempt: Promise<void> | undefined;
  /** The subscription dropped: notices from other instances may have been missed. */
  private missed = false;
  /** Changes were delivered only locally: other instances' streams may lack them. */
  private owesReset = false;
  private started = false;
  private closed = false;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private innerUnsubscribe: (() => void) | undefined;
  private unwatch: (() => void) | undefined;
  private readonly timeoutMs: number;
  private readonly probeMs: number;

  constructor(
    private readonly inner: EventBus,
    options: { timeoutMs: number; logger: ProxyLogger | undefined; probeMs?: number },
  ) {
    this.timeoutMs = options.timeoutMs;
    this.probeMs = options.probeMs ?? STORE_PROBE_MS;
    this.guard = new StoreGuard({
      store: 'bus',
      policy: 'local-delivery',
      timeoutMs: options.timeoutMs,
      probeMs: this.probeMs,
      logger: options.logger,
      probe: async () => {
        await this.hold();
        if (!this.live) throw new BusSubscriptionLostError('The bus subscription is not receiving');
        await inner.ping?.();
      },
      onRecover: () => this.recovered(),
    });
  }

  /** The shared subscription is receiving (notices from other instances arrive). */
  get receiving(): boolean {
    return this.live;
  }

  /** Publishes through the shared bus, or delivers here when that fails (never throws). */
  async publish(notice: ChangeNotice): Promise<void> {
    // Our own subscription would not bring it back: deliver here now (streams drop repeats).
    if (!this.live) this.deliver(notice);
    try {
      await this.guard.run(() => this.inner.publish(notice));
    } catch {
      if (this.live) this.deliver(notice);
      this.owesReset = true;
    }
  }

  /** Registers a local listener at once; the shared subscription is made in the background. */
  subscribe(listener: (notice: ChangeNotice) => void): () => void {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  }

  /** Only `'reset'` is reported: the moments streams should tell their clients to refetch. */
  watch(listener: (signal: BusSignal) => void): () => void {
    this.watchers.add(listener);
    return () => this.watchers.delete(listener);
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.unwatch?.();
    this.innerUnsubscribe?.();
    this.listeners.clear();
    this.watchers.clear();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.unwatch = this.inner.watch?.((signal) => this.onSignal(signal));
    this.connect();
  }

  private connect(): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      if (!this.held) this.guard.fail(new StoreTimeoutError(this.timeoutMs));
    }, this.timeoutMs);
    this.hold().then(
      () => {
        clearTimeout(timer);
        if (this.guard.isDown) void this.guard.check();
      },
      (error: unknown) => {
        clearTimeout(timer);
        this.guard.fail(error);
        if (this.closed) return;
        this.retry = setTimeout(() => this.connect(), this.probeMs);
        this.retry.unref();
      },
    );
  }

  /** One subscription attempt at a time; a pending one (a client queueing while offline) is shared. */
  private hold(): Promise<void> {
    if (this.held) return Promise.resolve();
    this.attempt ??= Promise.resolve()
      .then(() => this.inner.subscribe((notice) => this.deliver(notice)))
      .then(
        (unsubscribe) => {
          this.attempt = undefined;
          if (this.closed) {
            unsubscribe();
            return;
          }
          this.innerUnsubscribe = unsubscribe;
          this.held = true;
          this.live = true;
        },
        (error: unknown) => {
          this.attempt = undefined;
          throw error;
        },
      );
    return this.attempt;
  }

  private onSignal(signal: BusSignal): void {
    if (this.closed) return;
    if (signal === 'reset') {
      this.emit('reset');
    } else if (signal === 'down') {
      if (!this.held) return;
      this.live = false;
      this.missed = true;
      this.guard.fail(new BusSubscriptionLostError('The bus subscription dropped'));
    } else if (this.held) {
      this.live = true;
      void this.guard.check();
    }
  }

  private recovered(): void {
    const publishReset = this.inner.publishReset?.bind(this.inner);
    if (this.owesReset && publishReset) {
      // Reaches every instance, this one included (its subscription is receiving again).
      const missed = this.missed;
      this.owesReset = false;
      this.missed = false;
      this.guard.run(publishReset).catch(() => {
        // Down again: owed at the next recovery; this instance's streams are told now.
        this.owesReset = true;
        if (missed) this.emit('reset');
      });
    } else if (this.missed || this.owesReset) {
      this.missed = false;
      this.owesReset = false;
      this.emit('reset');
    }
  }

  private deliver(notice: ChangeNotice): void {
    for (const listener of this.listeners) listener(notice);
  }

  private emit(signal: BusSignal): void {
    for (const watcher of this.watchers) watcher(signal);
  }
}

/** Unconfirmed claims remembered for confirming after an outage, at most. */
const MAX_UNCONFIRMED = 10_000;

/**
 * The de-duplication store as the receiver uses it: every call bounded, refusing (the receiver
 * answers 503) while the store is down. A claim that answers after its bound (the delivery was
 * already refused) is released, so the sender's retry is processed; a confirmation that failed
 * is made again when the store is back.
 */
export class GuardedDedupe implements DedupeStore {
  readonly guard: StoreGuard;
  readonly confirm: ((id: string, ttlMs: number) => Promise<void>) | undefined;
  private readonly unconfirmed = new Map<string, number>();

  constructor(
    private readonly inner: DedupeStore,
    options: { timeoutMs: number; logger: ProxyLogger | undefined; probeMs?: number },
  ) {
    this.guard = new StoreGuard({
      store: 'dedupe',
      policy: 'refuse-webhooks',
      timeoutMs: options.timeoutMs,
      probeMs: options.probeMs,
      logger: options.logger,
      probe: inner.ping ? () => inner.ping?.() : undefined,
      onRecover: () => this.confirmRemembered(),
    });
    const confirm = inner.confirm?.bind(inner);
    this.confirm = confirm
      ? async (id, ttlMs) => {
          try {
            await this.guard.run(() => confirm(id, ttlMs));
          } catch (error) {
            this.unconfirmed.delete(id);
            this.unconfirmed.set(id, ttlMs);
            if (this.unconfirmed.size > MAX_UNCONFIRMED) {
              const oldest = this.unconfirmed.keys().next().value;
              if (oldest !== undefined) this.unconfirmed.delete(oldest);
            }
            throw error;
          }
        }
      : undefined;
  }

  claim(id: string, ttlMs: number): Promise<ClaimResult> {
    return this.guard.run(
      () => this.inner.claim(id, ttlMs),
      (claimed) => {
        if (claimed !== true) return;
        Promise.resolve()
          .then(() => this.inner.release?.(id))
          .catch(() => {});
      },
    );
  }

  async release(id: string): Promise<void> {
    await this.guard.run(() => this.inner.release?.(id));
  }

  private confirmRemembered(): void {
    const pending = [...this.unconfirmed];
    this.unconfirmed.clear();
    for (const [id, ttlMs] of pending) void this.confirm?.(id, ttlMs).catch(() => {});
  }
}
