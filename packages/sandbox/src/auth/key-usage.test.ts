import { describe, expect, it } from 'vitest';
import { KeyUsage, monthOf } from './key-usage.js';

/** A database stand-in that records the batches `KeyUsage` writes. */
function recordingDb() {
  const calls: { sql: string; params: readonly unknown[] }[] = [];
  return {
    calls,
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      calls.push({ sql, params });
      return [] as Row[];
    },
  };
}

describe('KeyUsage', () => {
  it('counts the last 60 s per key and drops older seconds', () => {
    let now = Date.UTC(2026, 10, 30, 12, 0, 0);
    const usage = new KeyUsage(recordingDb(), { now: () => now });
    usage.record('key_a');
    now += 30_000;
    usage.record('key_a');
    usage.record('key_b');
    expect(usage.of('key_a').window).toBe(2);
    expect(usage.of('key_b').window).toBe(1);
    now += 30_500; // the first request is now 60.5 s old
    expect(usage.of('key_a').window).toBe(1);
    now += 60_000;
    expect(usage.of('key_a').window).toBe(0);
    // A bucket reused 60 s later starts from zero.
    usage.record('key_a');
    expect(usage.of('key_a').window).toBe(1);
  });

  it('keeps counts per UTC month and writes them in one batch', async () => {
    let now = Date.UTC(2026, 0, 31, 23, 59, 59);
    const db = recordingDb();
    const usage = new KeyUsage(db, { now: () => now, flushAfterMs: 60_000 });
    usage.record('key_a');
    usage.record('key_a');
    now = Date.UTC(2026, 1, 1, 0, 0, 1);
    usage.record('key_a');
    expect(usage.of('key_a', '2026-01').pendingThisMonth).toBe(2);
    expect(usage.of('key_a').pendingThisMonth).toBe(1);
    expect(usage.of('key_a').pendingLastUsedMs).toBe(now);
    expect(db.calls).toHaveLength(0); // no write per request
    await usage.flush();
    expect(db.calls).toHaveLength(2);
    expect(db.calls[0]?.params).toEqual([
      ['key_a', 'key_a'],
      ['2026-01', '2026-02'],
      [2, 1],
    ]);
    expect(db.calls[1]?.params).toEqual([['key_a'], [new Date(now).toISOString()]]);
    expect(usage.of('key_a').pendingThisMonth).toBe(0);
    await usage.flush();
    expect(db.calls).toHaveLength(2); // nothing new, nothing written
    await usage.close();
  });

  it('writes on its own after flushAfterMs, and keeps counts when a write fails', async () => {
    let fail = true;
    const calls: unknown[] = [];
    const db = {
      query: async <Row>(_sql: string, params: readonly unknown[] = []) => {
        if (fail) throw new Error('connection lost');
        calls.push(params);
        return [] as Row[];
      },
    };
    const usage = new KeyUsage(db, { flushAfterMs: 20 });
    usage.record('key_a');
    await new Promise((r) => setTimeout(r, 60));
    expect(usage.of('key_a').pendingThisMonth).toBe(1); // kept for the next batch
    fail = false;
    usage.record('key_a');
    await new Promise((r) => setTimeout(r, 100));
    expect(calls[0]).toEqual([['key_a'], [monthOf(Date.now())], [2]]);
    await usage.close();
  });
});
