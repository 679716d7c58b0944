import { RESOURCES } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, startTestSandbox, type TestSandbox } from '../test/harness.js';
import { responseValidator } from '../test/openapi.js';
import { sampleBodies, samplePatches } from '../test/samples.js';
import type { OpenApiDocument } from './document.js';

let t: TestSandbox;
let key: string;
let doc: OpenApiDocument;
let check: ReturnType<typeof responseValidator>;
let patientId: string;
let practitionerId: string;

beforeAll(async () => {
  t = await startTestSandbox({ plan: 'enterprise' });
  key = await t.keyFor(t.newOrg());
  doc = (await t.request('GET', '/openapi.json')).body;
  check = responseValidator(doc);
  const first = sampleBodies({ patientId: 'p', practitionerId: 'p', scheduleId: 's' });
  patientId = (await t.request('POST', '/v1/patients', { key, body: first.patients })).body.data.id;
  practitionerId = (
    await t.request('POST', '/v1/practitioners', { key, body: first.practitioners })
  ).body.data.id;
}, 60_000);
afterAll(() => t.close());

/** Asserts a real response is one the document describes for this operation. */
function expectDocumented(path: string, method: string, res: ApiResponse, type?: string) {
  const errors = check.errorsOf(path, method, res.status, res.body, type);
  expect(errors, `${method} ${path} ${res.status}`).toBeUndefined();
}

describe('real responses against the document', () => {
  it.each(RESOURCES.map((r) => r.path))(
    '%s: create, read, search and update bodies match the record schema',
    async (path) => {
      const samples: Record<string, unknown> = sampleBodies({
        patientId,
        practitionerId,
        scheduleId: 'sched-1',
      });
      const created = await t.request('POST', `/v1/${path}`, { key, body: samples[path] });
      expect(created.status).toBe(201);
      expectDocumented(`/v1/${path}`, 'POST', created);
      expect(created.headers.get('etag')).toMatch(/^W\/"[^"]+"$/);
      const id = created.body.data.id;

      const read = await t.request('GET', `/v1/${path}/${id}`, { key });
      expectDocumented(`/v1/${path}/{id}`, 'GET', read);
      const search = await t.request('GET', `/v1/${path}?count=2`, { key });
      expectDocumented(`/v1/${path}`, 'GET', search);
      expect(search.body.data.data.length).toBeGreaterThan(0);
      const patch = samplePatches[path];
      if (patch) {
        const updated = await t.request('PATCH', `/v1/${path}/${id}`, { key, body: patch });
        expect(updated.status).toBe(200);
        expectDocumented(`/v1/${path}/{id}`, 'PATCH', updated);
      }
    },
  );

  it('an undocumented field in a real record fails the check (record schemas are closed)', async () => {
    const read = await t.request('GET', `/v1/patients/${patientId}`, { key });
    expect(check.errorsOf('/v1/patients/{id}', 'GET', 200, read.body)).toBeUndefined();
    const extended = { ...read.body, data: { ...read.body.data, ssn: '000-00-0000' } };
    expect(check.errorsOf('/v1/patients/{id}', 'GET', 200, extended)).toMatch(
      /must NOT have additional properties/,
    );
  });

  it('error bodies match the error envelope: 401, 404, 412, 422, 400', async () => {
    const noKey = await t.request('GET', '/v1/patients');
    expect(noKey.status).toBe(401);
    expectDocumented('/v1/patients', 'GET', noKey);

    const missing = await t.request('GET', '/v1/patients/no-such-patient', { key });
    expect(missing.status).toBe(404);
    expectDocumented('/v1/patients/{id}', 'GET', missing);

    const stale = await t.request('PATCH', `/v1/patients/${patientId}`, {
      key,
      body: { phone: '+1 555 0111' },
      headers: { 'if-match': 'W/"0"' },
    });
    expect(stale.status).toBe(412);
    expectDocumented('/v1/patients/{id}', 'PATCH', stale);

    const invalid = await t.request('POST', '/v1/observations', { key, body: {} });
    expect(invalid.status).toBe(422);
    expectDocumented('/v1/observations', 'POST', invalid);
    expect(invalid.body.issues.length).toBeGreaterThan(0);

    const malformed = await t.request('POST', '/v1/patients', { key, rawBody: '{"firstName":' });
    expect(malformed.status).toBe(400);
    expectDocumented('/v1/patients', 'POST', malformed);
  });

  it('bulk export: accepted, job and NDJSON download as documented', async () => {
    const started = await t.request('POST', '/v1/bulk/export', {
      key,
      body: { resourceTypes: ['Patient'] },
    });
    expect(started.status).toBe(202);
    expectDocumented('/v1/bulk/export', 'POST', started);
    const jobPath = `/v1/bulk/jobs/${started.body.data.jobId}`;
    let job = await t.request('GET', jobPath, { key });
    for (let i = 0; i < 100 && job.body.data.status !== 'completed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await t.request('GET', jobPath, { key });
    }
    expectDocumented('/v1/bulk/jobs/{jobId}', 'GET', job);
    expect(job.body.data.downloadUrl).toBe(`${jobPath}/download`);
    const download = await t.request('GET', job.body.data.downloadUrl, { key });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/fhir+ndjson');
    expect(Object.keys(doc.paths['/v1/bulk/jobs/{jobId}/download'] ?? {})).toContain('get');
  });

  it('FHIR read and search, /health and /v1/metadata as documented', async () => {
    const read = await t.request('GET', `/v1/fhir/Patient/${patientId}`, { key });
    expect(read.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expectDocumented('/v1/fhir/{type}/{id}', 'GET', read, 'application/fhir+json');
    const search = await t.request('GET', '/v1/fhir/Patient?_count=1', { key });
    expectDocumented('/v1/fhir/{type}', 'GET', search, 'application/fhir+json');
    expectDocumented('/health', 'GET', await t.request('GET', '/health'));
    const metadata = await t.request('GET', '/v1/metadata');
    expectDocumented('/v1/metadata', 'GET', metadata, 'application/fhir+json');
  });
});
