import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../events.js';
import { createSandbox } from '../sandbox.js';
import { samplePatient, startTestSandbox, type TestSandbox } from '../test/harness.js';

// Long enough for a few requests on a busy 2-core machine to finish within it.
const LAG_MS = 1500;

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ searchLagMs: LAG_MS });
  // Warm the code paths and query plans, so the timed requests below are not the first ones.
  const key = await t.keyFor(t.newOrg('warm'));
  const created = await t.request('POST', '/v1/patients', { key, body: samplePatient() });
  await t.request('PATCH', `/v1/patients/${created.body.data.id}`, { key, body: { phone: '1' } });
  await t.request('GET', '/v1/patients?name=ada', { key });
  await t.request('GET', '/v1/fhir/Patient?name=ada', { key });
  await t.request('DELETE', `/v1/patients/${created.body.data.id}`, { key });
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it equals `want`, then resolves how long after `since` that was (it must not
 * be sooner than the lag). Fails after the lag plus 5 s.
 */
async function until<T>(probe: () => Promise<T>, want: T, since: number): Promise<number> {
  let last: T | undefined;
  while (performance.now() - since < LAG_MS + 5_000) {
    last = await probe();
    if (JSON.stringify(last) === JSON.stringify(want)) return performance.now() - since;
    await sleep(50);
  }
  expect(last).toEqual(want);
  return Number.NaN;
}

/**
 * Runs a search `probe` that must not yet see a write made at `since`, and checks it when its
 * answer arrived within the lag (later, the copy may legitimately have landed: that probe proves
 * nothing). Resolves whether it was checked; each phase below needs at least one checked probe.
 */
async function hidden<T>(probe: () => Promise<T>, before: T, since: number): Promise<boolean> {
  const value = await probe();
  if (performance.now() - since >= LAG_MS) return false;
  expect(value).toEqual(before);
  return true;
}

describe('search-lag mode (searchLagMs)', () => {
  it('shows creates, updates and deletes to search only after the lag; reads by id and events are immediate', async () => {
    const org = t.newOrg();
    const key = await t.keyFor(org);
    const events: ChangeEvent[] = [];
    const unsubscribe = t.sandbox.onChange((event) => {
      if (event.tenant === org) events.push(event);
    });
    const names = async (query = '') =>
      (
        (await t.request('GET', `/v1/patients?${query}`, { key })).body.data.data as {
          fullName: string;
        }[]
      ).map((p) => p.fullName);
    const fhirTotal = async (query = '') =>
      (await t.request('GET', `/v1/fhir/Patient?${query}`, { key })).body.total as number;

    // Create: read by id at once, missing from search (simplified and FHIR) for the lag.
    let wrote = performance.now();
    const created = await t.request('POST', '/v1/patients', { key, body: samplePatient() });
    const id = created.body.data.id as string;
    let checked = [await hidden(names, [], wrote), await hidden(fhirTotal, 0, wrote)];
    expect((await t.request('GET', `/v1/patients/${id}`, { key })).status).toBe(200);
    expect(events.map((e) => e.action)).toEqual(['created']);
    expect(checked, 'a search ran within the lag').toContain(true);
    expect(await until(names, ['Ada Lovelace'], wrote)).toBeGreaterThanOrEqual(LAG_MS);
    expect(await fhirTotal()).toBe(1);

    // Update: search shows the previous version for the lag.
    wrote = performance.now();
    const patched = await t.request('PATCH', `/v1/patients/${id}`, {
      key,
      body: { lastName: 'King' },
    });
    checked = [
      await hidden(() => names('name=king'), [], wrote),
      await hidden(() => names('name=lovelace'), ['Ada Lovelace'], wrote),
    ];
    expect(patched.body.data.fullName).toBe('Ada King');
    expect((await t.request('GET', `/v1/patients/${id}`, { key })).body.data.lastName).toBe('King');
    expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
    expect(checked, 'a search ran within the lag').toContain(true);
    expect(await until(() => names('name=king'), ['Ada King'], wrote)).toBeGreaterThanOrEqual(
      LAG_MS,
    );
    expect(await names('name=lovelace')).toEqual([]);

    // Delete: gone by id at once, still found by search for the lag.
    wrote = performance.now();
    expect((await t.request('DELETE', `/v1/patients/${id}`, { key })).status).toBe(204);
    checked = [
      await hidden(names, ['Ada King'], wrote),
      await hidden(() => fhirTotal('name=king'), 1, wrote),
    ];
    expect((await t.request('GET', `/v1/patients/${id}`, { key })).status).toBe(404);
    expect(events.map((e) => e.action)).toEqual(['created', 'updated', 'deleted']);
    expect(checked, 'a search ran within the lag').toContain(true);
    expect(await until(names, [], wrote)).toBeGreaterThanOrEqual(LAG_MS);
    expect(await fhirTotal()).toBe(0);
    unsubscribe();
  });

  it('applies several writes to one record in order, each after its own lag', async () => {
    const key = await t.keyFor(t.newOrg());
    const lastNames = async () =>
      (
        (await t.request('GET', '/v1/patients', { key })).body.data.data as { lastName: string }[]
      ).map((p) => p.lastName);
    const created = performance.now();
    const res = await t.request('POST', '/v1/patients', {
      key,
      body: samplePatient({ lastName: 'First' }),
    });
    await sleep(LAG_MS / 2);
    const updated = performance.now();
    await t.request('PATCH', `/v1/patients/${res.body.data.id}`, {
      key,
      body: { lastName: 'Second' },
    });
    // Search goes through each version: none, the created one, then the updated one.
    expect(await until(lastNames, ['First'], created)).toBeGreaterThanOrEqual(LAG_MS);
    expect(await until(lastNames, ['Second'], updated)).toBeGreaterThanOrEqual(LAG_MS);
  });

  it('rejects an invalid searchLagMs before opening anything', async () => {
    for (const searchLagMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31]) {
      await expect(createSandbox({ memory: true, searchLagMs })).rejects.toThrow(
        /searchLagMs must be a number of milliseconds/,
      );
    }
  });
});

describe('search-lag mode on a reopened data directory', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinik-lag-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with the stored records searchable and stops copying on close', async () => {
    const first = await createSandbox({ dataDir });
    const { key } = await first.keys.create({ org: 'org_lag', env: 'test' });
    const { url } = await first.listen();
    const post = (base: string) =>
      fetch(`${base}/v1/patients`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify(samplePatient()),
      });
    expect((await post(url)).status).toBe(201);
    await first.close();

    const lagged = await createSandbox({ dataDir, searchLagMs: 60_000 });
    try {
      const { url: laggedUrl } = await lagged.listen();
      const total = async () => {
        const res = await fetch(`${laggedUrl}/v1/patients`, { headers: { 'x-api-key': key } });
        return ((await res.json()) as { data: { total: number } }).data.total;
      };
      // Written before this start: searchable at once. Written now: after the lag.
      expect(await total()).toBe(1);
      expect((await post(laggedUrl)).status).toBe(201);
      expect(await total()).toBe(1);
    } finally {
      // A copy due in a minute must neither hold up close nor run after it.
      const closing = performance.now();
      await lagged.close();
      expect(performance.now() - closing).toBeLessThan(5_000);
    }
  });
});
