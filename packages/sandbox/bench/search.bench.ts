/**
 * Seeds 100,000 patients into an in-memory sandbox and measures, over real HTTP on 127.0.0.1:
 * seed time, name search p50/p95 (plain fragments, and accent-free fragments of accented names,
 * some stored decomposed), the cost of a name search's `total` from the word index against the
 * same run's scan of the matches (in process), FHIR `family` search, paging deep into a list and a name search by following
 * cursors, read-by-id p50/p95 and create throughput.
 * Run: pnpm --filter @clinikapi/sandbox bench   (BENCH_PATIENTS=20000 for a quicker run)
 */
import { loadavg } from 'node:os';
import { COUNT_BY_NAME_WORDS_SQL } from '../src/engine/name-words.js';
import { foldSearchText } from '../src/engine/search-text.js';
import { createSandbox } from '../src/index.js';
import { FIRST_NAMES, LAST_NAMES } from '../src/seed/names.js';
import { createRandom } from '../src/seed/random.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const SEARCHES = 400;
/** One patient in 20 has an accented name; every other one of those is stored decomposed (NFD). */
const ACCENTED_LAST = [
  'Müller',
  'Núñez',
  'Ågren',
  'Lefèvre',
  'O’Brien',
  'Sørensen',
  'Dvořák',
  'Łukasiewicz',
  'Straße',
  'Gómez-Peña',
];
const ACCENTED_FIRST = ['François', 'José', 'Zoë', 'Åsa', 'Jörg', 'Siobhán', 'Hélène', 'Íñigo'];
/** What a front desk types for them: no accents, plain apostrophe or none. */
const FOLDED_FRAGMENTS = [
  'muller',
  'nunez',
  'agren',
  'lefev',
  "o'brien",
  'sorens',
  'dvorak',
  'lukas',
  'strasse',
  'gomez',
  'francois',
  'jose',
  'zoe',
  'helene',
  'inigo',
  'jorg',
];
const READS = 1000;
const CREATES = 1000;
/** Pages followed per walk (count=20: rows 1-1,000), and walks per query. */
const DEEP_PAGES = 50;
const WALKS = 5;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function timed(run: () => Promise<Response>): Promise<number> {
  const start = performance.now();
  const res = await run();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return performance.now() - start;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(2)} ms, p95 ${percentile(sorted, 95).toFixed(2)} ms`;
}

const loadAtStart = loadavg()
  .map((n) => n.toFixed(1))
  .join(' ');
const sandbox = await createSandbox({ memory: true, plan: 'enterprise' });
try {
  const random = createRandom(1);
  const engine = sandbox.internals.engine;
  const scope = { tenant: 'org_bench', environment: 'test' as const };
  const patients = engine.adapters.require('patients');
  const firstNames = [...FIRST_NAMES.female, ...FIRST_NAMES.male];

  const seedStart = performance.now();
  const ids: string[] = [];
  const batch = 5000;
  for (let done = 0; done < PATIENTS; done += batch) {
    const bodies = Array.from({ length: Math.min(batch, PATIENTS - done) }, (_, i) => {
      const accented = (done + i) % 20 === 0;
      const form = (done + i) % 40 === 0 ? 'NFD' : 'NFC';
      return {
        firstName: accented ? random.pick(ACCENTED_FIRST).normalize(form) : random.pick(firstNames),
        lastName: accented
          ? random.pick(ACCENTED_LAST).normalize(form)
          : `${random.pick(LAST_NAMES)}${random.chance(0.5) ? '' : `-${random.pick(LAST_NAMES)}`}`,
        gender: random.pick(['female', 'male', 'other', 'unknown'] as const),
        birthDate: `19${random.int(30, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        email: `bench${done + i}@example.com`,
      };
    });
    ids.push(...(await engine.createMany(scope, patients, bodies, 1000)));
    if ((done + batch) % 20_000 === 0) console.error(`seeded ${done + batch}...`);
  }
  const seedSeconds = (performance.now() - seedStart) / 1000;

  const { key } = await sandbox.keys.create({ org: 'org_bench', env: 'test' });
  const { url } = await sandbox.listen();
  const headers = { 'x-api-key': key };
  // Warm up the connection pool and query plans.
  for (let i = 0; i < 20; i++) await timed(() => fetch(`${url}/v1/patients?name=son`, { headers }));

  const fragments = [
    ...LAST_NAMES.map((n) => n.slice(1, 5).toLowerCase()),
    ...firstNames.map((n) => n.slice(0, 3).toLowerCase()),
  ];
  const searches: number[] = [];
  for (let i = 0; i < SEARCHES; i++) {
    const name = encodeURIComponent(random.pick(fragments));
    searches.push(
      await timed(() => fetch(`${url}/v1/patients?name=${name}&count=20`, { headers })),
    );
  }

  // The same run's baseline for `total`: the word index against counting the matching rows
  // (the fallback, and what every name search did before the index), alternating per fragment.
  // Each pair must agree: the index is exact.
  const countByWords: number[] = [];
  const countByScan: number[] = [];
  const scanSql = `SELECT count(*) AS total FROM resources WHERE tenant = $1 AND environment = $2
    AND resource_type = 'Patient' AND name_text LIKE $3`;
  const countRandom = createRandom(2); // its own stream: later measures get the same inputs as before
  for (let i = 0; i < SEARCHES; i++) {
    const pattern = `%${foldSearchText(countRandom.pick(fragments))}%`;
    let start = performance.now();
    const [byWords] = await sandbox.internals.db.query<{ total: string }>(COUNT_BY_NAME_WORDS_SQL, [
      scope.tenant,
      scope.environment,
      'Patient',
      pattern,
    ]);
    countByWords.push(performance.now() - start);
    start = performance.now();
    const [byScan] = await sandbox.internals.db.query<{ total: string }>(scanSql, [
      scope.tenant,
      scope.environment,
      pattern,
    ]);
    countByScan.push(performance.now() - start);
    if (Number(byWords?.total) !== Number(byScan?.total)) {
      throw new Error(`word index counted ${byWords?.total}, scan ${byScan?.total} (${pattern})`);
    }
  }

  const folded: number[] = [];
  let foldedMatches = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const name = encodeURIComponent(random.pick(FOLDED_FRAGMENTS));
    const start = performance.now();
    const res = await fetch(`${url}/v1/patients?name=${name}&count=20`, { headers });
    const body = (await res.json()) as { data: { total: number } };
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    folded.push(performance.now() - start);
    foldedMatches += body.data.total;
  }
  const family: number[] = [];
  let familyMatches = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const name = encodeURIComponent(random.pick(LAST_NAMES).slice(0, 4).toLowerCase());
    const start = performance.now();
    const res = await fetch(`${url}/v1/fhir/Patient?family=${name}&_count=20`, { headers });
    const body = (await res.json()) as { total: number };
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    family.push(performance.now() - start);
    familyMatches += body.total;
  }

  /** Follows cursors `DEEP_PAGES` pages into a search; per-page times and the total it reports. */
  async function walk(query: string) {
    const times: number[] = [];
    let cursor: string | null = null;
    let total = 0;
    for (let page = 0; page < DEEP_PAGES; page++) {
      const start = performance.now();
      const params = new URLSearchParams(query);
      params.set('count', '20');
      if (cursor) params.set('cursor', cursor);
      const res = await fetch(`${url}/v1/patients?${params}`, { headers });
      const body = (await res.json()) as { data: { cursor: string | null; total: number } };
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      times.push(performance.now() - start);
      ({ cursor, total } = body.data);
      if (!cursor) break;
    }
    return { times, total };
  }
  const deep: Record<string, { all: number[]; last: number[]; pages: number; total: number }> = {};
  for (const [label, query] of [
    ['unfiltered list', ''],
    ['name search "son"', 'name=son'],
  ] as const) {
    const entry = { all: [] as number[], last: [] as number[], pages: 0, total: 0 };
    for (let i = 0; i < WALKS; i++) {
      const { times, total } = await walk(query);
      entry.all.push(...times);
      entry.last.push(...times.slice(-10));
      entry.pages = times.length;
      entry.total = total;
    }
    deep[label] = entry;
  }

  const reads: number[] = [];
  for (let i = 0; i < READS; i++) {
    reads.push(await timed(() => fetch(`${url}/v1/patients/${random.pick(ids)}`, { headers })));
  }

  const createStart = performance.now();
  for (let i = 0; i < CREATES; i++) {
    await timed(() =>
      fetch(`${url}/v1/patients`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ firstName: 'Bench', lastName: `Create${i}` }),
      }),
    );
  }
  const createsPerSecond = CREATES / ((performance.now() - createStart) / 1000);

  console.log(
    `patients seeded:        ${PATIENTS.toLocaleString('en-US')} in ${seedSeconds.toFixed(1)} s`,
  );
  console.log(
    `load average at end:    ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
  console.log(`load average at start:  ${loadAtStart}`);
  console.log(`name search (${SEARCHES}x):    ${summary(searches)}`);
  const p95Of = (samples: number[]) =>
    percentile(
      [...samples].sort((a, b) => a - b),
      95,
    );
  console.log(
    `total of a name search, in process (${SEARCHES} fragments, counts equal): word index ${summary(countByWords)}; scan of the matches ${summary(countByScan)}; p95 ratio ${(p95Of(countByWords) / p95Of(countByScan)).toFixed(2)}`,
  );
  console.log(
    `name search, accent-free fragments of accented names (${SEARCHES}x): ${summary(folded)}, mean matches ${(foldedMatches / SEARCHES).toFixed(0)}`,
  );
  console.log(
    `FHIR Patient?family= (${SEARCHES}x): ${summary(family)}, mean total ${(familyMatches / SEARCHES).toFixed(0)}`,
  );
  for (const [label, { all, last, pages, total }] of Object.entries(deep)) {
    console.log(
      `paging ${label} (${total.toLocaleString('en-US')} matches), ${WALKS} walks of ${pages} pages x20:`,
    );
    console.log(`  every page:            ${summary(all)}`);
    console.log(`  pages ${pages - 9}-${pages}:         ${summary(last)}`);
  }
  console.log(`read by id (${READS}x):    ${summary(reads)}`);
  console.log(`create (${CREATES}x, serial):  ${createsPerSecond.toFixed(0)} req/s`);
} finally {
  await sandbox.close();
}
