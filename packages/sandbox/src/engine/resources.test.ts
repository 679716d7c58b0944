import { RESOURCES } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';
import { sampleBodies } from '../test/samples.js';

let t: TestSandbox;
let key: string;
let samples: ReturnType<typeof sampleBodies>;
beforeAll(async () => {
  t = await startTestSandbox();
  key = await t.keyFor(t.newOrg());
  samples = sampleBodies({ patientId: 'pat-1', practitionerId: 'prac-1', scheduleId: 'sched-1' });
});
afterAll(() => t.close());

/** Server-filled fields a response adds to what was sent. */
const SERVER_FIELDS: Record<string, Record<string, unknown>> = {
  patients: { fullName: 'Maria Garcia' },
  practitioners: { fullName: 'John Watson' },
};

describe.each(RESOURCES.map((r) => r.path))('%s', (path) => {
  it('round-trips every field through FHIR storage, then patches and deletes', async () => {
    const body = samples[path as keyof typeof samples];
    const created = await t.request('POST', `/v1/${path}`, { key, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const record = created.body.data;
    expect(record).toEqual({
      id: expect.any(String),
      ...body,
      ...SERVER_FIELDS[path],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect((await t.request('GET', `/v1/${path}/${record.id}`, { key })).body.data).toEqual(record);

    const [stored] = await t.sandbox.internals.db.query<{ resource: Record<string, unknown> }>(
      'SELECT resource FROM resources WHERE id = $1',
      [record.id],
    );
    const fhirType = RESOURCES.find((r) => r.path === path)?.fhirType;
    expect(stored?.resource).toMatchObject({
      resourceType: fhirType,
      id: record.id,
      meta: { versionId: '1', lastUpdated: record.updatedAt },
    });
    if ('patientId' in body && path !== 'consents') {
      expect(JSON.stringify(stored?.resource)).toContain('"Patient/pat-1"');
    }

    const search = await t.request('GET', `/v1/${path}`, { key });
    expect(search.body.data.data.map((r: { id: string }) => r.id)).toContain(record.id);

    const invalid = await t.request('PATCH', `/v1/${path}/${record.id}`, {
      key,
      body: { bogus: 1 },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.issues[0].diagnostics).toBe('bogus is not a recognized field');

    expect((await t.request('DELETE', `/v1/${path}/${record.id}`, { key })).status).toBe(204);
    expect((await t.request('GET', `/v1/${path}/${record.id}`, { key })).status).toBe(404);
  });
});
