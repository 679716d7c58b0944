import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

type Order = 'default' | 'date' | '-date';
/** A row as the walk sees it: id and sort key (createdAt, or start for the date orders). */
interface Row {
  id: string;
  key: string | null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const time = (iso: string) => Date.parse(iso);

/** The sandbox's orders: newest first; `date` ascending and `-date` descending, no date last. */
function compare(order: Order, a: Row, b: Row): number {
  if (order === 'default') {
    return -(time(a.key ?? '') - time(b.key ?? '')) || -cmp(a.id, b.id);
  }
  const sign = order === 'date' ? 1 : -1;
  if (a.key === null || b.key === null) {
    if (a.key !== b.key) return a.key === null ? 1 : -1;
    return sign * cmp(a.id, b.id);
  }
  return sign * (time(a.key) - time(b.key)) || sign * cmp(a.id, b.id);
}

/**
 * Follows cursors to the end. Before each next page, `between(boundary)` may write; a row it
 * inserts is expected exactly when it sorts after the boundary, a row it deletes that the walk has
 * not reached must not appear, and every other row must appear exactly once, in order.
 */
async function walk(options: {
  key: string;
  path: string;
  query: string;
  order: Order;
  initial: Row[];
  between: (boundary: Row, page: number) => Promise<{ inserted?: Row[]; deleted?: string[] }>;
}) {
  const { key, path, query, order } = options;
  const rowOf = (record: Record<string, unknown>): Row => ({
    id: record.id as string,
    key:
      order === 'default'
        ? (record.createdAt as string)
        : record.start === undefined
          ? null
          : new Date(record.start as string).toISOString(),
  });
  const live = new Map(options.initial.map((r) => [r.id, r]));
  const expected = new Map(live);
  const seen: Row[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const url: string = `/v1/${path}?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.request('GET', url, { key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { data, total, hasMore } = res.body.data;
    expect(total, `total on page ${page + 1}`).toBe(live.size);
    seen.push(...(data as Record<string, unknown>[]).map(rowOf));
    cursor = res.body.data.cursor;
    expect(hasMore).toBe(cursor !== null);
    if (!cursor) break;
    const boundary = seen.at(-1) as Row;
    const change = await options.between(boundary, page + 1);
    for (const row of change.inserted ?? []) {
      live.set(row.id, row);
      if (compare(order, boundary, row) < 0) expected.set(row.id, row);
    }
    for (const id of change.deleted ?? []) {
      live.delete(id);
      if (!seen.some((r) => r.id === id)) expected.delete(id);
    }
  }
  expect(cursor).toBeNull();
  const want = [...expected.values()].sort((a, b) => compare(order, a, b));
  expect(seen.map((r) => r.id)).toEqual(want.map((r) => r.id));
  return seen;
}

async function setup() {
  const key = await t.keyFor(t.newOrg());
  /** An appointment with a chosen id (FHIR PUT) and start, or none. */
  async function appointment(id: string, start: string | null): Promise<Row> {
    const res = await t.request('PUT', `/v1/fhir/Appointment/${id}`, {
      key,
      headers: { 'content-type': 'application/fhir+json' },
      body: {
        resourceType: 'Appointment',
        id,
        status: 'booked',
        participant: [{ actor: { reference: 'Patient/p-1' }, status: 'accepted' }],
        ...(start ? { start } : {}),
      },
    });
    expect(res.status).toBe(201);
    return { id, key: start };
  }
  async function patient(id: string): Promise<Row> {
    const res = await t.request('PUT', `/v1/fhir/Patient/${id}`, {
      key,
      headers: { 'content-type': 'application/fhir+json' },
      body: { resourceType: 'Patient', id, name: [{ family: 'Page', given: [id] }] },
    });
    expect(res.status).toBe(201);
    return { id, key: res.body.meta.lastUpdated };
  }
  async function remove(path: string, id: string) {
    expect((await t.request('DELETE', `/v1/${path}/${id}`, { key })).status).toBe(204);
  }
  return { key, appointment, patient, remove };
}

const day = (n: number) => new Date(Date.UTC(2026, 4, n, 9)).toISOString();

describe.each(['date', '-date'] as const)('keyset cursors, sort=%s', (order) => {
  it('never duplicates or skips a row when rows are inserted or deleted on either side of the boundary, NULL dates included', async () => {
    const { key, appointment, remove } = await setup();
    const initial = [
      await appointment('a-10', day(10)),
      await appointment('a-11', day(11)),
      // Same start: their order is by id.
      await appointment('a-12a', day(12)),
      await appointment('a-12b', day(12)),
      await appointment('a-13', day(13)),
      await appointment('a-14', day(14)),
      await appointment('a-15', day(15)),
      await appointment('a-16', day(16)),
      await appointment('n-20', null),
      await appointment('n-40', null),
      await appointment('n-60', null),
      await appointment('n-80', null),
    ];
    // Early and late in this order.
    const [earlyDay, lateDay] = order === 'date' ? [1, 28] : [28, 1];
    const [unseenDated, seenDated] = order === 'date' ? ['a-15', 'a-10'] : ['a-11', 'a-16'];
    let deletedInNullGroup = false;
    let nullGroupRounds = 0;
    const seen = await walk({
      key,
      path: 'appointments',
      query: `sort=${order}&count=3`,
      order,
      initial,
      async between(boundary, page) {
        if (page === 1) {
          // The boundary is a dated row: write before it, after it, and among the NULL dates.
          expect(boundary.key).not.toBeNull();
          const inserted = [
            await appointment('a-early', day(earlyDay)),
            await appointment('a-late', day(lateDay)),
            await appointment('n-50', null),
          ];
          await remove('appointments', seenDated);
          await remove('appointments', unseenDated);
          return { inserted, deleted: [seenDated, unseenDated] };
        }
        if (boundary.key === null) {
          nullGroupRounds++;
          // Inside the NULL group (ordered by id): one id on each side of the boundary.
          const before = order === 'date' ? `n-00-${page}` : `n-99-${page}`;
          const after = order === 'date' ? `n-99-${page}` : `n-00-${page}`;
          const inserted = [await appointment(before, null), await appointment(after, null)];
          // Once: the last NULL row of the initial set, not reached yet.
          const unseen = order === 'date' ? 'n-80' : 'n-20';
          if (deletedInNullGroup || boundary.id === unseen) return { inserted };
          deletedInNullGroup = true;
          await remove('appointments', unseen);
          return { inserted, deleted: [unseen] };
        }
        return {};
      },
    });
    expect(seen.map((r) => r.id)).toContain('a-late');
    expect(seen.map((r) => r.id)).not.toContain('a-early');
    expect(seen.map((r) => r.id)).not.toContain(unseenDated);
    // The walk crossed into the NULL group with a boundary inside it.
    expect(nullGroupRounds).toBeGreaterThan(0);
    expect(seen.filter((r) => r.key === null).length).toBeGreaterThan(3);
  });
});

describe('keyset cursors, default order (newest first)', () => {
  it('keeps every row in place when rows sharing one createdAt are inserted and deleted around the boundary', async () => {
    const { key, patient, remove } = await setup();
    // One millisecond for all: the order within it is by id, descending.
    const frozen = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(frozen);
    try {
      const initial: Row[] = [];
      for (const id of ['p-10', 'p-20', 'p-30', 'p-40', 'p-50', 'p-60', 'p-70', 'p-80', 'p-90']) {
        initial.push(await patient(id));
      }
      await walk({
        key,
        path: 'patients',
        query: 'count=3',
        order: 'default',
        initial,
        async between(boundary, page) {
          if (page !== 1) return {};
          expect(boundary.id).toBe('p-70');
          const inserted = [await patient('p-85'), await patient('p-65')];
          await remove('patients', 'p-90');
          await remove('patients', 'p-40');
          return { inserted, deleted: ['p-90', 'p-40'] };
        },
      });
    } finally {
      clock.mockRestore();
    }
  });

  it('does not repeat page 1 rows after new records arrive, with a filter (infinite list, issue 18)', async () => {
    const { key } = await setup();
    const post = async (firstName: string) => {
      const res = await t.request('POST', '/v1/patients', {
        key,
        body: { firstName, lastName: 'Keyset' },
      });
      return { id: res.body.data.id as string, key: res.body.data.createdAt as string };
    };
    const initial: Row[] = [];
    for (let i = 0; i < 25; i++) initial.push(await post(`P${i}`));
    await post('Other').then(async (other) => {
      // Not a match for the filter below: changes nothing in the walk.
      await t.request('PATCH', `/v1/patients/${other.id}`, { key, body: { lastName: 'Else' } });
    });
    await walk({
      key,
      path: 'patients',
      query: 'name=keyset&count=10',
      order: 'default',
      initial,
      async between() {
        return { inserted: [await post('New1'), await post('New2')] };
      },
    });
  });
});

describe('cursor integrity', () => {
  async function twoPages() {
    const { key, appointment } = await setup();
    for (let i = 1; i <= 5; i++) await appointment(`c-${i}`, day(i));
    const first = await t.request('GET', '/v1/appointments?sort=date&count=2', { key });
    const firstIds = first.body.data.data.map((r: { id: string }) => r.id);
    return { key, appointment, cursor: first.body.data.cursor as string, firstIds };
  }
  const idsOf = (res: { body: { data: { data: { id: string }[] } } }) =>
    res.body.data.data.map((r) => r.id);

  it('continues with a valid cursor and restarts from the first page with a forged, truncated or old one', async () => {
    const { key, cursor, firstIds } = await twoPages();
    expect(firstIds).toEqual(['c-1', 'c-2']);
    const next = await t.request('GET', `/v1/appointments?sort=date&count=2&cursor=${cursor}`, {
      key,
    });
    expect(idsOf(next)).toEqual(['c-3', 'c-4']);

    const payload = Buffer.from(JSON.stringify([day(3), 'c-4'])).toString('base64url');
    const forged = Buffer.concat([
      Buffer.alloc(32, 7),
      Buffer.from(JSON.stringify([day(3), 'c-4'])),
    ]).toString('base64url');
    const flipped = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
    for (const bad of [
      forged,
      payload,
      flipped,
      cursor.slice(0, -4),
      cursor.slice(0, 20),
      Buffer.from(JSON.stringify({ o: 2 })).toString('base64url'),
      '2',
      '!!!',
      `${cursor}x`,
    ]) {
      const res = await t.request(
        'GET',
        `/v1/appointments?sort=date&count=2&cursor=${encodeURIComponent(bad)}`,
        { key },
      );
      expect(res.status, bad).toBe(200);
      expect(idsOf(res), bad).toEqual(['c-1', 'c-2']);
    }
  });

  it('restarts a cursor used with another order, other filters or another tenant', async () => {
    const { key, cursor } = await twoPages();
    const otherOrder = await t.request(
      'GET',
      `/v1/appointments?sort=-date&count=2&cursor=${cursor}`,
      {
        key,
      },
    );
    expect(idsOf(otherOrder)).toEqual(['c-5', 'c-4']);
    const otherFilter = await t.request(
      'GET',
      `/v1/appointments?sort=date&count=2&status=booked&cursor=${cursor}`,
      { key },
    );
    expect(idsOf(otherFilter)).toEqual(['c-1', 'c-2']);

    // Another tenant with the same ids and dates: its own first page (the cursor is bound to the
    // tenant), and only its own rows (the tenant filter always applies).
    const other = await setup();
    for (let i = 1; i <= 3; i++) await other.appointment(`c-${i}`, day(i));
    const res = await t.request('GET', `/v1/appointments?sort=date&count=2&cursor=${cursor}`, {
      key: other.key,
    });
    expect(idsOf(res)).toEqual(['c-1', 'c-2']);
    expect(res.body.data.total).toBe(3);
  });

  it('reports total and hasMore exactly, also when the last page is full', async () => {
    const { key, appointment } = await setup();
    for (let i = 1; i <= 4; i++) await appointment(`h-${i}`, day(i));
    const first = await t.request('GET', '/v1/appointments?count=2', { key });
    expect(first.body.data).toMatchObject({ total: 4, hasMore: true });
    const second = await t.request(
      'GET',
      `/v1/appointments?count=2&cursor=${first.body.data.cursor}`,
      { key },
    );
    expect(second.body.data).toMatchObject({ total: 4, hasMore: false, cursor: null });
    expect(second.body.data.data).toHaveLength(2);
    const all = await t.request('GET', '/v1/appointments?count=4', { key });
    expect(all.body.data).toMatchObject({ total: 4, hasMore: false, cursor: null });
  });

  it('gives the FHIR Bundle a next link that keeps the search parameters', async () => {
    const { key, appointment } = await setup();
    for (let i = 1; i <= 3; i++) await appointment(`f-${i}`, day(i));
    await appointment('f-none', null);
    const first = await t.request('GET', '/v1/fhir/Appointment?sort=-date&_count=2', { key });
    expect(first.body.total).toBe(4);
    const next = first.body.link.find((l: { relation: string }) => l.relation === 'next');
    expect(next.url).toMatch(/^fhir\/Appointment\?/);
    expect(next.url).toContain('sort=-date');
    const second = await t.request('GET', `/v1/${next.url}`, { key });
    expect(second.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([
      'f-1',
      'f-none',
    ]);
    expect(second.body.link.map((l: { relation: string }) => l.relation)).toEqual(['self']);
  });
});
