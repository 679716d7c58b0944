import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_BY_NAME_WORDS_SQL } from '../engine/name-words.js';
import { createSandbox } from '../sandbox.js';
import { samplePatient, startTestSandbox, type TestSandbox } from '../test/harness.js';

/**
 * The same behaviour on a Postgres server through `pg`. Runs only when a disposable database is
 * given, e.g. CLINIK_SANDBOX_TEST_DATABASE_URL=postgres://clinik@127.0.0.1:55439/sandbox_test
 */
const databaseUrl = process.env.CLINIK_SANDBOX_TEST_DATABASE_URL;

describe.skipIf(!databaseUrl)('on a Postgres server (DATABASE_URL)', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ databaseUrl: databaseUrl ?? '' });
  });
  afterAll(() => t.close());

  it('runs migrations idempotently and serves CRUD, search and tenant isolation', async () => {
    const again = await startTestSandbox({ databaseUrl: databaseUrl ?? '' });
    await again.close();
    const key = await t.keyFor(t.newOrg());
    const created = await t.request('POST', '/v1/patients', { key, body: samplePatient() });
    expect(created.status).toBe(201);
    const search = await t.request('GET', '/v1/patients?name=LOVE&gender=female', { key });
    expect(search.body.data.total).toBe(1);
    const other = await t.keyFor(t.newOrg());
    expect(
      (await t.request('GET', `/v1/patients/${created.body.data.id}`, { key: other })).status,
    ).toBe(404);
  });

  it('lets exactly one of several racing bookings take a slot', async () => {
    const key = await t.keyFor(t.newOrg());
    const post = async (path: string, body: unknown) =>
      (await t.request('POST', `/v1/${path}`, { key, body })).body.data.id as string;
    const scheduleId = await post('schedules', { actorIds: ['prac-1'] });
    const slotId = await post('slots', {
      scheduleId,
      status: 'free',
      start: '2026-05-04T09:00:00Z',
      end: '2026-05-04T09:30:00Z',
    });
    const booking = { status: 'booked', patientId: 'p-1', slotId };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.request('POST', '/v1/appointments', { key, body: booking }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const slot = await t.request('GET', `/v1/slots/${slotId}`, { key });
    expect(slot.body.data.status).toBe('busy');
  });

  it('lets exactly one of several racing PATCHes with the same If-Match win', async () => {
    const key = await t.keyFor(t.newOrg());
    const created = await t.request('POST', '/v1/patients', { key, body: samplePatient() });
    const id = created.body.data.id as string;
    const results = await Promise.all(
      ['1', '2', '3', '4', '5', '6'].map((phone) =>
        t.request('PATCH', `/v1/patients/${id}`, {
          key,
          body: { phone },
          headers: { 'if-match': 'W/"1"' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412, 412, 412]);
    const read = await t.request('GET', `/v1/patients/${id}`, { key });
    expect(read.headers.get('etag')).toBe('W/"2"');
  });

  it('never makes a writer wait for an uncommitted new name word of another (no deadlock)', async () => {
    // Writers adding the same new words in different orders deadlocked while `name_words` had a
    // unique key: each waited for the other's uncommitted entry. Now neither waits.
    const org = t.newOrg();
    const word = `race${randomBytes(4).toString('hex').replace(/\d/g, 'q')}`;
    const insert = `INSERT INTO resources (tenant, environment, resource_type, id, version_id,
        created_at, last_updated, resource, name_text)
      VALUES ($1, 'test', 'Patient', $2, 1, now(), now(), '{}'::jsonb, $3)`;
    const first = new pg.Client({ connectionString: databaseUrl });
    const second = new pg.Client({ connectionString: databaseUrl });
    await first.connect();
    await second.connect();
    try {
      await first.query('BEGIN');
      await first.query(insert, [org, 'race-1', `${word} alpha`]);
      await second.query('BEGIN');
      await second.query("SET LOCAL lock_timeout = '2s'");
      await second.query(insert, [org, 'race-2', `beta ${word}`]);
      await second.query('COMMIT');
      await first.query('COMMIT');
    } finally {
      await first.end();
      await second.end();
    }
    const [counted] = await t.sandbox.internals.db.query<{ total: string }>(
      COUNT_BY_NAME_WORDS_SQL,
      [org, 'test', 'Patient', `%${word}%`],
    );
    expect(Number(counted?.total)).toBe(2);
  });

  it('lets several processes start at once on a database that needs every migration', async () => {
    const schema = `start_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const url = new URL(databaseUrl ?? '');
      url.searchParams.set('options', `-c search_path=${schema},public`);
      const started = await Promise.allSettled(
        [1, 2, 3].map(() => createSandbox({ databaseUrl: url.toString() })),
      );
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.close() : null)));
      expect(started.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      const count = async (table: string) =>
        Number((await admin.query(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
      expect(await count(`${schema}.sandbox_migrations`)).toBe(
        await count('public.sandbox_migrations'),
      );
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });

  it('runs bulk export with its since filter', async () => {
    const key = await t.keyFor(t.newOrg());
    await t.request('POST', '/v1/patients', { key, body: samplePatient() });
    const started = await t.request('POST', '/v1/bulk/export', {
      key,
      body: { resourceTypes: ['Patient'], since: '2000-01-01T00:00:00Z' },
    });
    let job = started.body.data;
    for (let i = 0; i < 200 && job.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      job = (await t.request('GET', `/v1/bulk/jobs/${started.body.data.jobId}`, { key })).body.data;
    }
    expect(job).toMatchObject({ status: 'completed', totalRecords: 1 });
  });
});
