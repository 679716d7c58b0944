import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSandbox } from '../sandbox.js';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

const status = async (key: string) => {
  const res = await t.request('GET', '/v1/patients', { key });
  return res.status === 200 ? 200 : `${res.status} ${res.body.error}`;
};

describe('keys.rotate', () => {
  it('keeps the old key working for the grace period, then refuses it with KEY_REVOKED', async () => {
    const org = t.newOrg();
    const old = await t.sandbox.keys.create({ org, env: 'test', scope: 'read' });
    const rotated = await t.sandbox.keys.rotate(old.id, { graceMs: 3_600_000 });
    if (!rotated) throw new Error('rotate found no key');
    expect(rotated).toMatchObject({ replaces: old.id, key: expect.stringMatching(/^clk_test_/) });
    expect(Date.parse(rotated.oldKeyUntil) - Date.now()).toBeGreaterThan(3_590_000);
    expect(await status(old.key)).toBe(200);
    expect(await status(rotated.key)).toBe(200);

    const listed = await t.sandbox.keys.list(org);
    expect(listed.find((k) => k.id === old.id)).toMatchObject({
      state: 'rotating',
      replacedBy: rotated.id,
      revokedAt: rotated.oldKeyUntil,
    });
    expect(listed.find((k) => k.id === rotated.id)).toMatchObject({
      state: 'active',
      scope: 'read',
    });

    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(rotated.oldKeyUntil) + 1000 });
    expect(await status(old.key)).toBe('401 KEY_REVOKED');
    expect(await status(rotated.key)).toBe(200);
    expect((await t.sandbox.keys.list(org)).find((k) => k.id === old.id)?.state).toBe('revoked');
  });

  it('ends the grace period at once on revoke, and refuses to rotate a key twice', async () => {
    const org = t.newOrg();
    const old = await t.sandbox.keys.create({ org, env: 'test' });
    const rotated = await t.sandbox.keys.rotate(old.id);
    expect(Date.parse(rotated?.oldKeyUntil ?? '') - Date.now()).toBeGreaterThan(86_000_000);
    await expect(t.sandbox.keys.rotate(old.id)).rejects.toThrow(/already being rotated out/);
    expect(await t.sandbox.keys.revoke(old.id)).toBe(true);
    expect(await status(old.key)).toBe('401 KEY_REVOKED');
    await expect(t.sandbox.keys.rotate(old.id)).rejects.toThrow(/is revoked/);
    expect(await t.sandbox.keys.rotate('key_missing')).toBeUndefined();
    await expect(t.sandbox.keys.rotate(rotated?.id ?? '', { graceMs: -1 })).rejects.toThrow(
      /graceMs/,
    );
  });

  it('lets an expiry earlier than the grace period win', async () => {
    const org = t.newOrg();
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const old = await t.sandbox.keys.create({ org, env: 'test', expiresAt });
    const rotated = await t.sandbox.keys.rotate(old.id, { graceMs: 3_600_000 });
    expect(rotated?.oldKeyUntil).toBe(expiresAt);
  });

  it('registers a given key, checking its format and environment', async () => {
    const org = t.newOrg();
    const key = `clk_test_${'a1B2'.repeat(8)}${org.slice(-6).replace(/_/g, 'x')}`;
    await t.sandbox.keys.create({ org, env: 'test', key });
    expect(await status(key)).toBe(200);
    await expect(t.sandbox.keys.create({ org, env: 'test', key })).rejects.toThrow(
      /already registered/,
    );
    await expect(t.sandbox.keys.create({ org, env: 'live', key: `x${key}` })).rejects.toThrow(
      /16-128 letters/,
    );
    await expect(
      t.sandbox.keys.create({ org, env: 'live', key: key.replace('_test_', '_tes0_') }),
    ).rejects.toThrow(/key must/);
    await expect(
      t.sandbox.keys.create({ org, env: 'live', key: `clk_test_${'c'.repeat(20)}` }),
    ).rejects.toThrow(/must start with clk_live_/);
  });
});

describe('key usage', () => {
  it('counts requests per key in the current window and month, and when each was last used', async () => {
    const org = t.newOrg();
    const busy = await t.sandbox.keys.create({ org, env: 'test' });
    const quiet = await t.sandbox.keys.create({ org, env: 'test' });
    const unused = await t.sandbox.keys.create({ org, env: 'test' });
    const before = Date.now();
    for (let i = 0; i < 3; i++) await status(busy.key);
    await status(quiet.key);
    // A refused request (scope) still used the key; an unknown key counts for nobody.
    await t.request('GET', '/v1/nonexistent', { key: quiet.key });
    const list = await t.sandbox.keys.list(org);
    const of = (id: string) => list.find((k) => k.id === id);
    expect(of(busy.id)).toMatchObject({ requestsInWindow: 3, requestsThisMonth: 3 });
    expect(of(quiet.id)).toMatchObject({ requestsInWindow: 2, requestsThisMonth: 2 });
    expect(of(unused.id)).toMatchObject({
      requestsInWindow: 0,
      requestsThisMonth: 0,
      lastUsedAt: null,
    });
    expect(Date.parse(of(busy.id)?.lastUsedAt ?? '')).toBeGreaterThanOrEqual(before - 1);
  });
});

describe('key usage across a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinik-usage-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the month count and last use on close; the window starts empty', async () => {
    const first = await createSandbox({ dataDir });
    const { id, key } = await first.keys.create({ org: 'org_usage', env: 'test' });
    const { url } = await first.listen();
    for (let i = 0; i < 4; i++) {
      const res = await fetch(`${url}/v1/patients`, { headers: { 'x-api-key': key } });
      expect(res.status).toBe(200);
    }
    const [live] = await first.keys.list('org_usage');
    await first.close();

    const second = await createSandbox({ dataDir });
    try {
      const [stored] = await second.keys.list('org_usage');
      expect(stored).toMatchObject({
        id,
        requestsThisMonth: 4,
        requestsInWindow: 0,
        lastUsedAt: live?.lastUsedAt,
      });
      const rows = await second.internals.db.query<{ requests: string | number }>(
        'SELECT requests FROM api_key_usage WHERE key_id = $1',
        [id],
      );
      expect(rows.map((r) => Number(r.requests))).toEqual([4]);
    } finally {
      await second.close();
    }
  });
});
