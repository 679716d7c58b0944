import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate } from '../db/migrations.js';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';
import { foldSearchText } from './search-text.js';

/**
 * The word index (name-words.ts) counts name-search totals. Every total here is checked against
 * the names as the test wrote them, folded the documented way, so a posting missed or left behind
 * by any write path shows as a wrong total.
 */
let t: TestSandbox;
const FIRST = ['Mary', 'Marianne', 'Anne', 'José'.normalize('NFD'), 'Åsa', 'Siobhán', 'Hans'];
const LAST = ['Johnson', 'Smith-Jones', 'Müller', 'O’Brien', 'Anderson-Mason', 'Marsh', 'Ågren'];
/** One-word fragments (counted from the index) and others (counted by scanning). */
const FRAGMENTS = ['son', 'mar', 'an', 'e', 'MÜLL', 'obrien', 'o’b', 'jones', 'asa', 'zz', 'n'];
const OTHER_QUERIES = ['anne smith', 'mary johnson', 'smith-jones'];

interface Person {
  id: string;
  names: string[];
}

/** Each org's records, as written. */
const people = new Map<string, Person[]>();

async function create(key: string, org: string, firstName: string, lastName: string) {
  const res = await t.request('POST', '/v1/patients', { key, body: { firstName, lastName } });
  expect(res.status).toBe(201);
  const list = people.get(org) ?? [];
  list.push({ id: res.body.data.id, names: [`${firstName} ${lastName}`] });
  people.set(org, list);
}

/** The total the contract promises: records with the folded fragment in any of their names. */
function expected(org: string, fragment: string): number {
  const folded = foldSearchText(fragment);
  return (people.get(org) ?? []).filter((p) =>
    p.names.some((name) => foldSearchText(name).includes(folded)),
  ).length;
}

/** `total` of a search whose first page is not the whole result (so it is counted). */
async function total(key: string, fragment: string): Promise<number> {
  const res = await t.request('GET', `/v1/patients?name=${encodeURIComponent(fragment)}&count=1`, {
    key,
  });
  expect(res.status).toBe(200);
  return res.body.data.total;
}

async function expectExactTotals(key: string, org: string) {
  for (const fragment of [...FRAGMENTS, ...OTHER_QUERIES]) {
    expect({ fragment, total: await total(key, fragment) }).toEqual({
      fragment,
      total: expected(org, fragment),
    });
  }
}

let orgA: string;
let orgB: string;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  t = await startTestSandbox();
  orgA = t.newOrg();
  orgB = t.newOrg();
  keyA = await t.keyFor(orgA);
  keyB = await t.keyFor(orgB);
  for (const [i, first] of FIRST.entries()) {
    for (const [j, last] of LAST.entries()) {
      if ((i + j) % 2 === 0) await create(keyA, orgA, first, last);
      // The other organization holds some of the same names: its records never count for A.
      if ((i + j) % 3 === 0) await create(keyB, orgB, first, last);
    }
  }
});
afterAll(() => t.close());

describe('name search totals from the word index', () => {
  it('count exactly what a scan of the names counts, per organization', async () => {
    const query = vi.spyOn(t.sandbox.internals.db, 'query');
    try {
      await expectExactTotals(keyA, orgA);
      await expectExactTotals(keyB, orgB);
      // The one-word fragments were counted from the index, not by the scan.
      expect(query.mock.calls.some(([sql]) => String(sql).includes('FROM name_postings'))).toBe(
        true,
      );
    } finally {
      query.mockRestore();
    }
  });

  it('follow renames, names added through FHIR, and deletes', async () => {
    const list = people.get(orgA) ?? [];
    const [renamed, deleted] = list.filter((p) => foldSearchText(p.names[0] ?? '').includes('son'));
    if (!renamed || !deleted) throw new Error('the test data needs two records with "son"');

    const patch = await t.request('PATCH', `/v1/patients/${renamed.id}`, {
      key: keyA,
      body: { lastName: 'Zzyzx' },
    });
    expect(patch.status).toBe(200);
    renamed.names = [`${patch.body.data.firstName} Zzyzx`];

    expect((await t.request('DELETE', `/v1/patients/${deleted.id}`, { key: keyA })).status).toBe(
      204,
    );
    list.splice(list.indexOf(deleted), 1);

    const fhir = await t.request('POST', '/v1/fhir/Patient', {
      key: keyA,
      headers: { 'content-type': 'application/fhir+json' },
      body: {
        resourceType: 'Patient',
        name: [
          { use: 'official', family: 'Dupont', given: ['Hélène'] },
          { use: 'maiden', family: 'Bérubé-Marsh', given: ['Hélène'] },
        ],
      },
    });
    expect(fhir.status).toBe(201);
    list.push({ id: fhir.body.id, names: ['Hélène Dupont', 'Hélène Bérubé-Marsh'] });

    await expectExactTotals(keyA, orgA);
    expect(await total(keyA, 'zzyzx')).toBe(1);
    expect(await total(keyA, 'berube')).toBe(1);
    // With other conditions the scan counts; both agree.
    const res = await t.request('GET', '/v1/patients?name=mar&gender=unknown&count=1', {
      key: keyA,
    });
    expect(res.body.data.total).toBe(0);
  });

  it('indexes a word longer than a btree entry may be (FHIR names have no length limit)', async () => {
    // Letters that do not compress (Postgres compresses long index entries before the limit).
    let seed = 7;
    const word = Array.from({ length: 3000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return String.fromCharCode(97 + (seed % 26));
    }).join('');
    const fhir = await t.request('POST', '/v1/fhir/Patient', {
      key: keyA,
      headers: { 'content-type': 'application/fhir+json' },
      body: { resourceType: 'Patient', name: [{ family: 'Long', given: [word] }] },
    });
    expect(fhir.status).toBe(201);
    const list = people.get(orgA) ?? [];
    list.push({ id: fhir.body.id, names: [`${word} Long`] });
    expect(await total(keyA, word.slice(1000, 1012))).toBe(1);
    await expectExactTotals(keyA, orgA);
    expect(
      (await t.request('DELETE', `/v1/fhir/Patient/${fhir.body.id}`, { key: keyA })).status,
    ).toBe(204);
    list.pop();
    expect(await total(keyA, word.slice(1000, 1012))).toBe(0);
  });

  it('stays exact when a word or a scope is stored twice (two writers added it at once)', async () => {
    const { db } = t.sandbox.internals;
    // What races between two transactions leave: second copies of a word and a scope in use.
    await db.query("INSERT INTO name_words (word) VALUES ('johnson')");
    await db.query(
      "INSERT INTO name_scopes (tenant, environment, resource_type) VALUES ($1, 'test', 'Patient')",
      [orgA],
    );
    await create(keyA, orgA, 'Marianne', 'Johnson');
    await create(keyA, orgA, 'Anne', 'Johnson-Smith');
    await expectExactTotals(keyA, orgA);
    const list = people.get(orgA) ?? [];
    const last = list.pop();
    expect((await t.request('DELETE', `/v1/patients/${last?.id}`, { key: keyA })).status).toBe(204);
    await expectExactTotals(keyA, orgA);
  });

  it('is filled from the records already stored when the migration runs', async () => {
    const { db } = t.sandbox.internals;
    await db.exec(`
      DROP TRIGGER name_words_inserted ON resources;
      DROP TRIGGER name_words_updated ON resources;
      DROP TRIGGER name_words_deleted ON resources;
      DELETE FROM name_postings;
      DELETE FROM name_words;
      DELETE FROM name_scopes;
      DELETE FROM sandbox_migrations WHERE id = 6;
    `);
    expect(await total(keyA, 'son')).toBe(0);
    await migrate(db);
    await expectExactTotals(keyA, orgA);
    await expectExactTotals(keyB, orgB);
    // The triggers are back: a new record counts at once.
    await create(keyA, orgA, 'Maria', 'Sonnenberg');
    await expectExactTotals(keyA, orgA);
  });
});
