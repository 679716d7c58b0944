import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const fhirHeaders = { 'content-type': 'application/fhir+json' };

describe('/v1/metadata', () => {
  it('serves an R4 CapabilityStatement without a key', async () => {
    const res = await t.request('GET', '/v1/metadata');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    expect(res.body).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    const types = res.body.rest[0].resource.map((r: { type: string }) => r.type);
    expect(types).toHaveLength(62);
    expect(types).toContain('AllergyIntolerance');
    expect(types).toContain('ExplanationOfBenefit');
  });
});

describe('FHIR passthrough', () => {
  it('creates, reads, searches, patches, replaces and deletes raw FHIR with the tenant tag', async () => {
    const org = t.newOrg();
    const key = await t.keyFor(org);
    const created = await t.request('POST', '/v1/fhir/Patient', {
      key,
      headers: fhirHeaders,
      body: {
        resourceType: 'Patient',
        name: [{ family: 'Curie', given: ['Marie'] }],
        meta: { tag: [{ system: 'https://clinikapi.com/tenant', code: 'someone-else' }] },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toContain('application/fhir+json');
    const id = created.body.id;
    expect(created.body.meta.tag).toContainEqual({
      system: 'https://clinikapi.com/tenant',
      code: org,
    });
    expect(JSON.stringify(created.body)).not.toContain('someone-else');

    // The simplified API sees the same record.
    const simplified = await t.request('GET', `/v1/patients/${id}`, { key });
    expect(simplified.body.data).toMatchObject({ firstName: 'Marie', lastName: 'Curie' });
    expect((await t.request('GET', '/v1/patients?name=curie', { key })).body.data.total).toBe(1);

    const bundle = await t.request('GET', '/v1/fhir/Patient?name=cur&_count=5', { key });
    expect(bundle.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
    expect(bundle.body.entry[0].fullUrl).toBe(`Patient/${id}`);

    const patched = await t.request('PATCH', `/v1/fhir/Patient/${id}`, {
      key,
      headers: { 'content-type': 'application/json-patch+json' },
      body: [{ op: 'add', path: '/birthDate', value: '1867-11-07' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ birthDate: '1867-11-07', meta: { versionId: '2' } });

    const replaced = await t.request('PUT', `/v1/fhir/Patient/${id}`, {
      key,
      headers: fhirHeaders,
      body: { resourceType: 'Patient', id, name: [{ family: 'Sklodowska', given: ['Maria'] }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.meta.versionId).toBe('3');
    expect(replaced.body.birthDate).toBeUndefined();

    const otherKey = await t.keyFor(t.newOrg());
    expect((await t.request('GET', `/v1/fhir/Patient/${id}`, { key: otherKey })).status).toBe(404);
    expect((await t.request('GET', '/v1/fhir/Patient', { key: otherKey })).body.total).toBe(0);

    expect((await t.request('DELETE', `/v1/fhir/Patient/${id}`, { key })).status).toBe(204);
    expect((await t.request('GET', `/v1/fhir/Patient/${id}`, { key })).status).toBe(404);
  });

  it('writes valid references and refuses mismatched bodies and unknown types', async () => {
    const key = await t.keyFor(t.newOrg());
    const obs = await t.request('POST', '/v1/observations', {
      key,
      body: {
        status: 'final',
        code: 'Heart rate',
        patientId: 'p-1',
        valueQuantity: { value: 70, unit: '/min' },
      },
    });
    const raw = await t.request('GET', `/v1/fhir/Observation/${obs.body.data.id}`, { key });
    expect(raw.body).toMatchObject({
      resourceType: 'Observation',
      id: obs.body.data.id,
      subject: { reference: 'Patient/p-1' },
      code: { text: 'Heart rate' },
    });
    const wrongType = await t.request('POST', '/v1/fhir/Patient', {
      key,
      headers: fhirHeaders,
      body: { resourceType: 'Observation' },
    });
    expect(wrongType.status).toBe(422);
    expect((await t.request('GET', '/v1/fhir/Unicorn', { key })).status).toBe(404);
  });
});

async function waitForJob(key: string, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = (await t.request('GET', `/v1/bulk/jobs/${jobId}`, { key })).body.data;
    if (job.status === 'completed' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

describe('bulk jobs', () => {
  it('imports NDJSON skipping invalid records, exports FHIR NDJSON, and limits operations per hour', async () => {
    const key = await t.keyFor(t.newOrg());
    const data = [
      JSON.stringify({ firstName: 'A', lastName: 'One' }),
      '{not json',
      JSON.stringify({ lastName: 'Missing first name' }),
      JSON.stringify({ firstName: 'B', lastName: 'Two' }),
    ].join('\n');
    const started = await t.request('POST', '/v1/bulk/import', {
      key,
      body: { resourceType: 'Patient', data },
    });
    expect(started.status).toBe(202);
    expect(started.body.data).toMatchObject({ status: 'pending', jobId: expect.any(String) });
    const job = await waitForJob(key, started.body.data.jobId);
    expect(job).toMatchObject({
      type: 'import',
      status: 'completed',
      totalRecords: 4,
      processedRecords: 4,
    });
    expect(job.errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect(JSON.stringify(job.errors)).not.toContain('Missing first name');
    expect((await t.request('GET', '/v1/patients', { key })).body.data.total).toBe(2);

    const exported = await t.request('POST', '/v1/bulk/export', {
      key,
      body: { resourceTypes: ['Patient'] },
    });
    expect(exported.status).toBe(202);
    const exportJob = await waitForJob(key, exported.body.data.jobId);
    expect(exportJob).toMatchObject({ type: 'export', status: 'completed', totalRecords: 2 });
    const download = await t.request('GET', exportJob.downloadUrl, { key });
    const lines = String(download.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((r: { resourceType: string }) => r.resourceType)).toEqual([
      'Patient',
      'Patient',
    ]);

    const otherKey = await t.keyFor(t.newOrg());
    expect(
      (await t.request('GET', `/v1/bulk/jobs/${exportJob.id}`, { key: otherKey })).status,
    ).toBe(404);

    for (let i = 0; i < 3; i++) {
      expect((await t.request('POST', '/v1/bulk/export', { key, body: {} })).status).toBe(202);
    }
    const limited = await t.request('POST', '/v1/bulk/export', { key, body: {} });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
