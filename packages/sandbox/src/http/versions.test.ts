import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nextLastUpdated } from '../engine/rows.js';
import { samplePatient, startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

const STALE = 'The record has changed since that version was read';

async function newPatient() {
  const key = await t.keyFor(t.newOrg());
  const created = await t.request('POST', '/v1/patients', { key, body: samplePatient() });
  expect(created.status).toBe(201);
  const id = created.body.data.id as string;
  const patch = (body: unknown, ifMatch?: string) =>
    t.request('PATCH', `/v1/patients/${id}`, {
      key,
      body,
      ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
    });
  const remove = (ifMatch?: string) =>
    t.request('DELETE', `/v1/patients/${id}`, {
      key,
      ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
    });
  const read = () => t.request('GET', `/v1/patients/${id}`, { key });
  return { key, id, created, patch, remove, read };
}

describe('versions and optimistic concurrency (simplified API)', () => {
  it('sends ETag W/"<version>" on POST, GET and PATCH, one version per write', async () => {
    const { created, patch, read } = await newPatient();
    expect(created.headers.get('etag')).toBe('W/"1"');
    expect((await read()).headers.get('etag')).toBe('W/"1"');
    const patched = await patch({ phone: '555-0102' });
    expect(patched.headers.get('etag')).toBe('W/"2"');
    expect((await read()).headers.get('etag')).toBe('W/"2"');
    const search = await t.request('GET', '/v1/patients', { key: (await newPatient()).key });
    expect(search.headers.get('etag')).toBeNull();
  });

  it('applies PATCH only when If-Match names the current version (W/ optional, lists, *)', async () => {
    const { patch, read } = await newPatient();
    expect((await patch({ phone: '1' }, 'W/"1"')).status).toBe(200);
    expect((await patch({ phone: '2' }, '"2"')).status).toBe(200);
    expect((await patch({ phone: '3' }, 'W/"1", W/"3"')).status).toBe(200);
    expect((await patch({ phone: '4' }, '*')).status).toBe(200);
    const current = await read();
    expect(current.headers.get('etag')).toBe('W/"5"');

    const stale = await patch({ phone: '555-0199' }, 'W/"4"');
    expect(stale.status).toBe(412);
    expect(stale.body).toEqual({
      error: 'PRECONDITION_FAILED',
      message: STALE,
      code: '412',
      requestId: expect.stringMatching(/^req_/),
    });
    expect(JSON.stringify(stale.body)).not.toContain('555-0199');
    // Nothing changed.
    const after = await read();
    expect(after.body.data).toEqual(current.body.data);
    expect(after.headers.get('etag')).toBe('W/"5"');
  });

  it('answers 412 to an unparseable If-Match and 404 (not 412) for a missing record', async () => {
    const { patch, remove, read, key } = await newPatient();
    for (const header of ['5', 'W/1', '', '"1" junk', '*, "1"']) {
      const res = await patch({ phone: '1' }, header);
      expect(res.status, header).toBe(412);
      expect(res.body.error).toBe('PRECONDITION_FAILED');
    }
    expect((await remove('garbage')).status).toBe(412);
    expect((await read()).body.data.phone).toBe(samplePatient().phone);

    const missing = await t.request('PATCH', '/v1/patients/no-such-id', {
      key,
      body: { phone: '1' },
      headers: { 'if-match': 'W/"1"' },
    });
    expect(missing.status).toBe(404);
    const otherTenant = await t.request('DELETE', `/v1/patients/${(await newPatient()).id}`, {
      key,
      headers: { 'if-match': '*' },
    });
    expect(otherTenant.status).toBe(404);
  });

  it('deletes only with a matching If-Match', async () => {
    const { patch, remove, read } = await newPatient();
    await patch({ phone: '1' });
    const stale = await remove('W/"1"');
    expect(stale.status).toBe(412);
    expect(stale.body.message).toBe(STALE);
    expect((await read()).status).toBe(200);
    expect((await remove('W/"2"')).status).toBe(204);
    expect((await read()).status).toBe(404);
  });

  it('lets exactly one of concurrent PATCHes with the same If-Match succeed', async () => {
    const { patch, read } = await newPatient();
    // Two at least, more to make an unlocked check lose the race on an embedded database too.
    const cities = ['Boston', 'Austin', 'Denver', 'Omaha', 'Tulsa', 'Reno', 'Provo', 'Boise'];
    const results = await Promise.all(cities.map((city) => patch({ address: { city } }, 'W/"1"')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...cities.slice(1).map(() => 412)]);
    const winner = results.find((r) => r.status === 200);
    const current = await read();
    expect(current.headers.get('etag')).toBe('W/"2"');
    expect(current.body.data.address).toEqual(winner?.body.data.address);
  });

  it('keeps last-write-wins without If-Match', async () => {
    const { patch, read } = await newPatient();
    await Promise.all([patch({ phone: '1' }), patch({ phone: '2' })]);
    expect((await read()).headers.get('etag')).toBe('W/"3"');
  });

  it('makes updatedAt strictly increase per record even within one millisecond', async () => {
    const { created, patch } = await newPatient();
    const frozen = Date.now() + 5_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(frozen);
    try {
      const stamps = [created.body.data.updatedAt as string];
      for (const phone of ['1', '2', '3']) {
        const res = await patch({ phone });
        expect(res.status).toBe(200);
        expect(res.body.data.createdAt).toBe(created.body.data.createdAt);
        stamps.push(res.body.data.updatedAt);
      }
      const times = stamps.map((s) => Date.parse(s));
      expect(times.slice(1)).toEqual([frozen, frozen + 1, frozen + 2]);
    } finally {
      clock.mockRestore();
    }
  });

  it('never moves updatedAt back when the clock does', () => {
    const previous = { versionId: 1, createdAt: '', lastUpdated: '2030-01-01T00:00:00.000Z' };
    expect(nextLastUpdated(previous, Date.parse('2029-12-31T23:59:59.000Z'))).toBe(
      '2030-01-01T00:00:00.001Z',
    );
    expect(nextLastUpdated(previous, Date.parse('2030-01-02T00:00:00.000Z'))).toBe(
      '2030-01-02T00:00:00.000Z',
    );
    expect(nextLastUpdated(undefined, 0)).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('versions on the FHIR passthrough', () => {
  const fhir = { 'content-type': 'application/fhir+json' };

  it('sends ETag on read, create and update and honours If-Match on PUT, PATCH and DELETE', async () => {
    const key = await t.keyFor(t.newOrg());
    const created = await t.request('POST', '/v1/fhir/Patient', {
      key,
      headers: fhir,
      body: { resourceType: 'Patient', name: [{ family: 'Curie', given: ['Marie'] }] },
    });
    expect(created.headers.get('etag')).toBe('W/"1"');
    const id = created.body.id as string;
    expect((await t.request('GET', `/v1/fhir/Patient/${id}`, { key })).headers.get('etag')).toBe(
      'W/"1"',
    );
    const body = { resourceType: 'Patient', id, name: [{ family: 'Curie' }] };
    const put = await t.request('PUT', `/v1/fhir/Patient/${id}`, {
      key,
      body,
      headers: { ...fhir, 'if-match': 'W/"1"' },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('W/"2"');
    const stalePut = await t.request('PUT', `/v1/fhir/Patient/${id}`, {
      key,
      body,
      headers: { ...fhir, 'if-match': 'W/"1"' },
    });
    expect(stalePut.status).toBe(412);
    expect(stalePut.body.error).toBe('PRECONDITION_FAILED');

    const jsonPatch = { 'content-type': 'application/json-patch+json' };
    const ops = [{ op: 'add', path: '/birthDate', value: '1867-11-07' }];
    const stalePatch = await t.request('PATCH', `/v1/fhir/Patient/${id}`, {
      key,
      body: ops,
      headers: { ...jsonPatch, 'if-match': 'W/"1"' },
    });
    expect(stalePatch.status).toBe(412);
    const patched = await t.request('PATCH', `/v1/fhir/Patient/${id}`, {
      key,
      body: ops,
      headers: { ...jsonPatch, 'if-match': 'W/"2"' },
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('etag')).toBe('W/"3"');
    expect(
      (
        await t.request('PATCH', '/v1/fhir/Patient/missing', {
          key,
          body: ops,
          headers: { ...jsonPatch, 'if-match': 'W/"1"' },
        })
      ).status,
    ).toBe(404);

    // A version-aware PUT never creates.
    const putNew = await t.request('PUT', '/v1/fhir/Patient/brand-new', {
      key,
      body: { resourceType: 'Patient', id: 'brand-new' },
      headers: { ...fhir, 'if-match': 'W/"1"' },
    });
    expect(putNew.status).toBe(412);
    expect((await t.request('GET', '/v1/fhir/Patient/brand-new', { key })).status).toBe(404);

    const staleDelete = await t.request('DELETE', `/v1/fhir/Patient/${id}`, {
      key,
      headers: { 'if-match': 'W/"2"' },
    });
    expect(staleDelete.status).toBe(412);
    const deleted = await t.request('DELETE', `/v1/fhir/Patient/${id}`, {
      key,
      headers: { 'if-match': 'W/"3"' },
    });
    expect(deleted.status).toBe(204);
  });
});
