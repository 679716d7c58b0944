import { getResource, RESOURCES } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../events.js';
import { fhirR4Errors } from '../test/fhir-validator.js';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';
import { sampleBodies, samplePatches } from '../test/samples.js';

let t: TestSandbox;
let key: string;
let samples: Record<string, Record<string, unknown>>;
const events: ChangeEvent[] = [];
beforeAll(async () => {
  t = await startTestSandbox();
  key = await t.keyFor(t.newOrg());
  samples = sampleBodies({ patientId: 'pat-1', practitionerId: 'prac-1', scheduleId: 'sched-1' });
  t.sandbox.onChange((event) => events.push(event));
});
afterAll(() => t.close());

/** Server-filled fields a response adds to what was sent. */
const SERVER_FIELDS: Record<string, Record<string, unknown>> = {
  patients: { fullName: 'Maria Garcia' },
  practitioners: { fullName: 'John Watson' },
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/**
 * For each search parameter the sample has a value for, the value a search by it should match,
 * read from the sample body (not from the adapter under test).
 */
function searchProbes(path: string, body: Record<string, unknown>): [string, string][] {
  const derived: Record<string, unknown> = {
    name: String(body.name ?? body.firstName ?? '').split(' ')[0] || undefined,
    active: body.active === undefined ? undefined : String(body.active),
    payorId: first(body.payorIds),
    performerId: first(body.performerIds),
    code: typeof body.code === 'object' ? (body.code as { code?: string }).code : body.code,
    medication: typeof body.medication === 'object' ? 'Amlodipine 5 MG' : body.medication,
    address: (body.address as { city?: string } | undefined)?.city,
    agent: (first(body.agent) as { who?: string } | undefined)?.who,
    ...(path === 'immunization-recommendations' && {
      vaccineCode: first((first(body.recommendation) as { vaccineCode: string[] }).vaccineCode),
      targetDisease: (first(body.recommendation) as { targetDisease: string }).targetDisease,
    }),
  };
  const probes: [string, string][] = [];
  for (const param of getResource(path)?.searchParams ?? []) {
    if (['dateFrom', 'dateTo', 'sort'].includes(param)) continue;
    const value = param in derived ? derived[param] : first(body[param]);
    if (typeof value === 'string' || typeof value === 'boolean')
      probes.push([param, String(value)]);
  }
  return probes;
}

describe.each(RESOURCES.map((r) => r.path))('%s', (path) => {
  it('round-trips every field through FHIR storage as valid R4, is found by each of its search parameters, patches and deletes', async () => {
    const definition = getResource(path);
    if (!definition) throw new Error(path);
    const body = samples[path];
    if (!body) throw new Error(`no sample for ${path}`);
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
    expect(stored?.resource).toMatchObject({
      resourceType: definition.fhirType,
      id: record.id,
      meta: { versionId: '1', lastUpdated: record.updatedAt },
    });
    if ('patientId' in body && path !== 'consents') {
      expect(JSON.stringify(stored?.resource)).toContain('"Patient/pat-1"');
    }
    // What the FHIR passthrough serves validates against HL7's R4 StructureDefinitions.
    const fhir = await t.request('GET', `/v1/fhir/${definition.fhirType}/${record.id}`, { key });
    expect(fhirR4Errors(fhir.body)).toEqual([]);

    const search = await t.request('GET', `/v1/${path}`, { key });
    expect(search.body.data.data.map((r: { id: string }) => r.id)).toContain(record.id);
    const probes = searchProbes(path, body);
    for (const [param, value] of probes) {
      const found = await t.request(
        'GET',
        `/v1/${path}?${new URLSearchParams({ [param]: value })}`,
        {
          key,
        },
      );
      expect(found.status, param).toBe(200);
      expect(
        found.body.data.data.map((r: { id: string }) => r.id),
        `${param}=${value}`,
      ).toContain(record.id);
    }
    const [param] = probes.find(([name]) => name !== 'active') ?? [];
    if (param) {
      const missed = await t.request('GET', `/v1/${path}?${param}=no-such-value`, { key });
      expect(missed.body.data.data, param).toEqual([]);
    }

    const invalid = await t.request('PATCH', `/v1/${path}/${record.id}`, {
      key,
      body: { bogus: 1 },
    });
    const patch = samplePatches[path];
    if (definition.itemMethods.includes('PATCH')) {
      expect(invalid.status).toBe(422);
      expect(invalid.body.issues[0].diagnostics).toBe('bogus is not a recognized field');
      if (!patch) throw new Error(`no patch for ${path}`);
      const patched = await t.request('PATCH', `/v1/${path}/${record.id}`, { key, body: patch });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.headers.get('etag')).toBe('W/"2"');
      expect(patched.body.data).toEqual({ ...record, ...patch, updatedAt: expect.any(String) });
      const after = await t.request('GET', `/v1/fhir/${definition.fhirType}/${record.id}`, { key });
      expect(fhirR4Errors(after.body)).toEqual([]);
    } else {
      // Immutable in the API (no PATCH in the document): refused here and through FHIR alike.
      expect(patch).toBeUndefined();
      expect(invalid.status).toBe(405);
      expect(invalid.headers.get('allow')).toBe('GET, DELETE');
      const fhirPatch = await t.request('PATCH', `/v1/fhir/${definition.fhirType}/${record.id}`, {
        key,
        headers: { 'content-type': 'application/json-patch+json' },
        body: [{ op: 'remove', path: '/id' }],
      });
      expect(fhirPatch.status).toBe(405);
    }

    expect((await t.request('DELETE', `/v1/${path}/${record.id}`, { key })).status).toBe(204);
    expect((await t.request('GET', `/v1/${path}/${record.id}`, { key })).status).toBe(404);

    // A webhook event for each change, named as the API's webhook guide names the resource.
    const changes = events.filter((e) => e.id === record.id);
    const actions = definition.itemMethods.includes('PATCH')
      ? ['created', 'updated', 'deleted']
      : ['created', 'deleted'];
    expect(changes.map((e) => `${e.event}.${e.action}`)).toEqual(
      actions.map((action) => `${definition.event}.${action}`),
    );
    expect(changes.every((e) => e.resource === path)).toBe(true);
  });
});
