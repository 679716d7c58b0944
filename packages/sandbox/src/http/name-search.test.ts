import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrations.js';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
let key: string;
const ids: Record<string, string> = {};

const PATIENTS: Record<string, { firstName: string; lastName: string }> = {
  muller: { firstName: 'Hans', lastName: 'Müller' },
  // Stored decomposed (NFD), as some keyboards and imports write it.
  nunez: { firstName: 'José'.normalize('NFD'), lastName: 'Núñez'.normalize('NFD') },
  agren: { firstName: 'Åsa', lastName: 'Ågren' },
  francois: { firstName: 'François', lastName: 'Lefèvre' },
  obrien: { firstName: 'Siobhán', lastName: 'O’Brien' },
  smithJones: { firstName: 'Anne', lastName: 'Smith-Jones' },
  strasse: { firstName: 'Jörg', lastName: 'Straße' },
  mueller: { firstName: 'Karl', lastName: 'Mueller' },
};

beforeAll(async () => {
  t = await startTestSandbox();
  key = await t.keyFor(t.newOrg());
  for (const [label, body] of Object.entries(PATIENTS)) {
    const res = await t.request('POST', '/v1/patients', { key, body });
    expect(res.status).toBe(201);
    ids[label] = res.body.data.id;
  }
  await t.request('POST', '/v1/practitioners', {
    key,
    body: { firstName: 'Zoë', lastName: 'Ørsted' },
  });
});
afterAll(() => t.close());

const labelOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

async function found(query: string, path = 'patients'): Promise<string[]> {
  const res = await t.request('GET', `/v1/${path}?${query}&count=100`, { key });
  expect(res.status, query).toBe(200);
  return (res.body.data.data as { id: string }[]).map((r) => labelOf(r.id)).sort();
}

const q = (value: string) => `name=${encodeURIComponent(value)}`;

describe('simplified name search: case- and accent-insensitive after Unicode normalization', () => {
  it.each([
    ['muller', ['muller']],
    ['MÜLLER', ['muller']],
    ['Mu\u0308ller', ['muller']], // an NFD query finds NFC-stored text
    ['nunez', ['nunez']],
    ['Núñez'.normalize('NFC'), ['nunez']], // an NFC query finds NFD-stored text
    ['jose', ['nunez']],
    ['agren', ['agren']],
    ['asa', ['agren']],
    ['francois', ['francois']],
    ['lefevre', ['francois']],
    ["o'brien", ['obrien']],
    ['obrien', ['obrien']],
    ['siobhan', ['obrien']],
    ['smith jones', ['smithJones']],
    ['smith-jones', ['smithJones']],
    ['strasse', ['strasse']],
    ['jorg', ['strasse']],
    ['  muller  ', ['muller']],
    ['ller', ['mueller', 'muller']], // partial, anywhere in the name
  ])('name=%j finds %j', async (value, expected) => {
    expect(await found(q(value))).toEqual(expected);
  });

  it('does not transliterate: "mueller" is another spelling than Müller', async () => {
    expect(await found(q('mueller'))).toEqual(['mueller']);
  });

  it('ignores only spaces like an empty value; punctuation alone matches nothing', async () => {
    expect(await found(q('   '))).toHaveLength(Object.keys(PATIENTS).length);
    expect(await found(q(' - '))).toEqual([]);
    expect(await found(q('%'))).toEqual([]);
  });

  it('folds practitioner names the same way', async () => {
    const res = await t.request('GET', `/v1/practitioners?${q('zoe orsted')}`, { key });
    expect(res.body.data.data.map((p: { fullName: string }) => p.fullName)).toEqual(['Zoë Ørsted']);
  });
});

async function fhirSearch(query: string, headers: Record<string, string> = {}) {
  return t.request('GET', `/v1/fhir/Patient?${query}`, { key, headers });
}
async function fhirFound(query: string): Promise<string[]> {
  const res = await fhirSearch(query);
  expect(res.status, query).toBe(200);
  return (res.body.entry as { resource: { id: string }; search: { mode: string } }[])
    .filter((e) => e.search.mode === 'match')
    .map((e) => labelOf(e.resource.id))
    .sort();
}

describe('FHIR passthrough string search', () => {
  it('supports family and given, folded, from the start of any word', async () => {
    expect(await fhirFound('family=muller')).toEqual(['muller']);
    expect(await fhirFound('family=MUL')).toEqual(['muller']);
    expect(await fhirFound('family=jones')).toEqual(['smithJones']); // second word of Smith-Jones
    expect(await fhirFound('family=ller')).toEqual([]); // not the start of a word
    expect(await fhirFound('given=hans')).toEqual(['muller']);
    expect(await fhirFound('given=muller')).toEqual([]); // a family name is not a given name
    expect(await fhirFound(`family=${encodeURIComponent('Núñez')}`)).toEqual(['nunez']);
    expect(await fhirFound('name=francois')).toEqual(['francois']);
  });

  it('takes alternatives, :contains and :exact', async () => {
    expect(await fhirFound('family=muller,agren')).toEqual(['agren', 'muller']);
    expect(await fhirFound('family:contains=ller')).toEqual(['mueller', 'muller']);
    expect(await fhirFound(`family:exact=${encodeURIComponent('Müller')}`)).toEqual(['muller']);
    expect(await fhirFound(`family:exact=${encodeURIComponent('Mu\u0308ller')}`)).toEqual([
      'muller',
    ]);
    expect(await fhirFound('family:exact=muller')).toEqual([]); // exact is case/accent-sensitive
    expect(await fhirFound('family=muller&given=hans')).toEqual(['muller']);
    expect(await fhirFound('family=muller&given=karl')).toEqual([]);
  });

  it('ignores an unknown parameter under lenient handling and says so in the self link', async () => {
    const res = await fhirSearch('family=muller&foo=bar&_count=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.link).toContainEqual({
      relation: 'self',
      url: 'fhir/Patient?family=muller&_count=5',
    });
    const outcome = res.body.entry.find(
      (e: { search: { mode: string } }) => e.search.mode === 'outcome',
    );
    expect(outcome.resource.issue[0]).toMatchObject({ severity: 'warning', code: 'not-supported' });
    const lenient = await fhirSearch('family=muller&foo=bar', { prefer: 'handling=lenient' });
    expect(lenient.body.total).toBe(1);
  });

  it('answers 400 for an unknown parameter under Prefer: handling=strict', async () => {
    const res = await fhirSearch('family=muller&foo=bar', {
      prefer: 'return=minimal, handling=strict',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'UNKNOWN_SEARCH_PARAMETER', code: '400' });
    expect(res.body.issues[0].diagnostics).toContain('"foo"');
    expect(JSON.stringify(res.body)).not.toContain('bar');
    const ok = await fhirSearch('family=muller&_count=2', { prefer: 'handling=strict' });
    expect(ok.status).toBe(200);
  });

  it('rejects an unsupported modifier whatever the handling', async () => {
    const res = await fhirSearch('gender:missing=true');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('UNSUPPORTED_SEARCH_MODIFIER');
    expect((await fhirSearch('family:phonetic=muller')).status).toBe(400);
  });

  it('does not know family on a type without HumanName (Organization)', async () => {
    const res = await t.request('GET', '/v1/fhir/Organization?family=x', {
      key,
      headers: { prefer: 'handling=strict' },
    });
    expect(res.status).toBe(400);
  });

  it('keeps the applied parameters in the next link', async () => {
    const first = await fhirSearch('name=s&_count=1&foo=1');
    const next = first.body.link.find((l: { relation: string }) => l.relation === 'next');
    expect(next.url).toMatch(/^fhir\/Patient\?name=s&_count=1&cursor=/);
    const second = await t.request('GET', `/v1/${next.url}`, { key });
    expect(second.status).toBe(200);
    expect(second.body.entry[0].resource.id).not.toBe(first.body.entry[0].resource.id);
  });

  it('finds every name a FHIR resource holds, in FHIR and simplified search', async () => {
    const created = await t.request('POST', '/v1/fhir/Patient', {
      key,
      headers: { 'content-type': 'application/fhir+json' },
      body: {
        resourceType: 'Patient',
        name: [
          { use: 'official', family: 'Dupont', given: ['Hélène'] },
          { use: 'maiden', family: 'Bérubé', given: ['Hélène'] },
        ],
      },
    });
    ids.dupont = created.body.id;
    expect(await fhirFound('family=berube')).toEqual(['dupont']);
    expect(await found(q('berube'))).toEqual(['dupont']);
    expect(await found(q('helene dupont'))).toEqual(['dupont']);
  });
});

describe('migration', () => {
  it('re-folds names stored by an earlier version (lower-cased only)', async () => {
    const { db } = t.sandbox.internals;
    await db.query(
      `UPDATE resources SET name_text = lower(resource->'name'->0->'given'->>0 || ' ' || (resource->'name'->0->>'family')),
         family_text = NULL, given_text = NULL
       WHERE resource_type = 'Patient' AND id = $1`,
      [ids.muller],
    );
    expect(await found(q('muller'))).toEqual([]);
    // An Organization's FHIR `name` is a string, not a HumanName list: the re-fold skips it.
    const organization = await t.request('POST', '/v1/organizations', {
      key,
      body: { name: 'Blue Cross Example', active: true },
    });
    expect(organization.status).toBe(201);
    await db.query('DELETE FROM sandbox_migrations WHERE id = 4');
    await migrate(db);
    expect(await found(q('muller'))).toEqual(['muller']);
    expect(await fhirFound('family=muller')).toEqual(['muller']);
  });
});
