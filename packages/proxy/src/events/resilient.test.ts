import { describe, expect, it } from 'vitest';
import { memoryLogger, until } from '../test/http.js';
import { GuardedDedupe, ResilientBus } from './resilient.js';
import type { BusSignal, ChangeNotice, DedupeStore, EventBus } from './types.js';

// The outage bookkeeping of the bus and the de-duplication store, against fakes whose failures
// are switched on and off (the real-Redis outages are in stores/outage.test.ts).
const STORE_MS = 50;

const notice = (id: string): ChangeNotice => ({
  id,
  event: 'appointment.updated',
  resource: 'appointments',
  resourceId: 'apt_1',
  action: 'updated',
  timestamp: new Date().toISOString(),
});

/** A shared bus (one channel) whose publishing fails while `down`; `signal` plays the subscriber. */
function fakeBus() {
  const listeners = new Set<(n: ChangeNotice) => void>();
  const watchers = new Set<(s: BusSignal) => void>();
  const state = { down: false, resets: 0 };
  const fail = () =>
    Promise.reject(Object.assign(new Error('unreachable'), { code: 'ECONNREFUSED' }));
  const bus: EventBus & { state: typeof state; signal: (s: BusSignal) => void } = {
    state,
    publish: (n) =>
      state.down
        ? fail()
        : Promise.resolve().then(() => {
            for (const l of listeners) l(n);
          }),
    subscribe: async (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    watch: (w) => {
      watchers.add(w);
      return () => watchers.delete(w);
    },
    ping: () => (state.down ? fail() : Promise.resolve()),
    publishReset: () => {
      if (state.down) return fail();
      state.resets++;
      for (const w of watchers) w('reset');
      return Promise.resolve();
    },
    signal: (s) => {
      for (const w of watchers) w(s);
    },
  };
  return bus;
}

function instance(inner: EventBus) {
  const log = memoryLogger();
  const bus = new ResilientBus(inner, { timeoutMs: STORE_MS, logger: log.logger, probeMs: 50 });
  const got: string[] = [];
  let resets = 0;
  bus.subscribe((n) => got.push(n.id));
  bus.watch((s) => {
    if (s === 'reset') resets++;
  });
  return { bus, got, resets: () => resets, log };
}

describe('ResilientBus', () => {
  it('delivers locally when publishing fails, then asks every instance to refetch, once', async () => {
    const shared = fakeBus();
    const a = instance(shared);
    const b = instance(shared);
    await until(() => a.bus.receiving && b.bus.receiving);
    await a.bus.publish(notice('evt_1'));
    await until(() => a.got.length === 1 && b.got.length === 1);

    shared.state.down = true;
    await a.bus.publish(notice('evt_2')); // never throws
    expect(a.got).toEqual(['evt_1', 'evt_2']);
    expect(b.got).toEqual(['evt_1']);
    expect(a.bus.guard.report()).toMatchObject({
      state: 'down',
      policy: 'local-delivery',
      error: { errorClass: 'Error', errorCode: 'ECONNREFUSED' },
    });
    expect(a.log.lines.filter((l) => l.level === 'warn')).toHaveLength(1);

    shared.state.down = false;
    await a.bus.guard.check();
    // B's subscription never dropped: only the broadcast tells its streams to refetch.
    await until(() => b.resets() === 1 && a.resets() === 1);
    expect(shared.state.resets).toBe(1);
    await a.bus.publish(notice('evt_3'));
    await until(() => b.got.includes('evt_3'));
    expect(a.bus.guard.report().state).toBe('up');
    a.bus.close();
    b.bus.close();
  });

  it('delivers locally while its subscription is down and resets its streams when it returns', async () => {
    const shared = fakeBus();
    const a = instance(shared);
    await until(() => a.bus.receiving);
    shared.signal('down');
    expect(a.bus.guard.report()).toMatchObject({
      state: 'down',
      error: { errorClass: 'BusSubscriptionLostError' },
    });
    // The bus counts as down: not published (no waiting on it), delivered here only.
    await a.bus.publish(notice('evt_1'));
    expect(a.got).toEqual(['evt_1']);
    expect(a.resets()).toBe(0);
    shared.signal('up');
    await until(() => a.resets() === 1);
    expect(a.bus.guard.report().state).toBe('up');
    // Other instances' streams are told to refetch too (the change never reached them).
    expect(shared.state.resets).toBe(1);
    a.bus.close();
  });

  it('resets only its own streams when nothing was delivered only here', async () => {
    const shared = fakeBus();
    const a = instance(shared);
    await until(() => a.bus.receiving);
    shared.signal('down');
    shared.signal('up');
    await until(() => a.resets() === 1);
    expect(shared.state.resets).toBe(0);
    a.bus.close();
  });

  it('opens at once when subscribing hangs, and is reported down', async () => {
    const a = instance({ publish: () => {}, subscribe: () => new Promise(() => {}) });
    await until(() => a.bus.guard.isDown);
    expect(a.bus.guard.report().error).toMatchObject({ errorClass: 'StoreTimeoutError' });
    await a.bus.publish(notice('evt_1'));
    expect(a.got).toEqual(['evt_1']);
    a.bus.close();
  });
});

describe('GuardedDedupe', () => {
  it('confirms again, once the store is back, what it could not confirm during the outage', async () => {
    let down = false;
    const confirmed: string[] = [];
    const inner: DedupeStore = {
      claim: async () => true,
      confirm: async (id) => {
        if (down) throw new Error('unreachable');
        confirmed.push(id);
      },
      ping: async () => {
        if (down) throw new Error('unreachable');
      },
    };
    const dedupe = new GuardedDedupe(inner, { timeoutMs: STORE_MS, logger: undefined });
    expect(await dedupe.claim('evt_1', 1000)).toBe(true);
    down = true;
    await expect(dedupe.confirm?.('evt_1', 1000)).rejects.toThrow();
    await expect(dedupe.claim('evt_2', 1000)).rejects.toMatchObject({
      code: 'ERR_CLINIK_STORE_UNAVAILABLE',
    });
    down = false;
    await dedupe.guard.check();
    await until(() => confirmed.includes('evt_1'));
    expect(dedupe.guard.report()).toMatchObject({ state: 'up', failures: 1 });
  });
});
