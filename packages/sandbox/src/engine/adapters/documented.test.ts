import { readFileSync } from 'node:fs';
import { RESOURCES } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Errors } from '../../test/fhir-validator.js';
import { startTestSandbox, type TestSandbox } from '../../test/harness.js';

let t: TestSandbox;
let key: string;
beforeAll(async () => {
  t = await startTestSandbox();
  key = await t.keyFor(t.newOrg());
});
afterAll(() => t.close());

const post = async (path: string, body: unknown) => {
  const res = await t.request('POST', `/v1/${path}`, { key, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data as Record<string, unknown> & { id: string };
};
const fhirOf = async (type: string, id: string) =>
  (await t.request('GET', `/v1/fhir/${type}/${id}`, { key })).body;
const ids = async (query: string) =>
  (await t.request('GET', `/v1/${query}`, { key })).body.data.data.map((r: { id: string }) => r.id);

describe('resources written from the OpenAPI document', () => {
  it('fills FHIR-required dates the API leaves optional with the time of the write, once', async () => {
    const before = Date.now();
    const claim = await post('claims', {
      status: 'draft',
      type: 'oral',
      use: 'preauthorization',
      patientId: 'pat-1',
      providerId: 'prac-1',
      priority: 'normal',
      insurance: [{ sequence: 1, focal: true, coverageId: 'cov-1' }],
    });
    expect(Date.parse(String(claim.created))).toBeGreaterThanOrEqual(before - 1000);
    const fhir = await fhirOf('Claim', claim.id);
    expect(fhir.created).toBe(claim.created);
    expect(fhirR4Errors(fhir)).toEqual([]);
    // Sorting and date filters see it too.
    expect(await ids(`claims?dateFrom=${new Date(before - 60_000).toISOString()}`)).toContain(
      claim.id,
    );
    const patched = await t.request('PATCH', `/v1/claims/${claim.id}`, {
      key,
      body: { status: 'active' },
    });
    expect(patched.body.data.created).toBe(claim.created);

    const order = await post('nutrition-orders', {
      status: 'active',
      intent: 'order',
      patientId: 'pat-1',
      supplement: [{ productName: 'Acme Protein' }],
    });
    expect(fhirR4Errors(await fhirOf('NutritionOrder', order.id))).toEqual([]);
    expect(order.dateTime).toEqual(expect.any(String));
  });

  it('stores `Type/id` texts as references and names as displays', async () => {
    const coverage = await post('coverages', {
      status: 'active',
      patientId: 'pat-1',
      payorIds: ['org-1'],
      subscriberRef: 'Patient/pat-9',
      policyHolderRef: 'Acme Corp',
    });
    const fhir = await fhirOf('Coverage', coverage.id);
    expect(fhir).toMatchObject({
      beneficiary: { reference: 'Patient/pat-1' },
      payor: [{ reference: 'Organization/org-1' }],
      subscriber: { reference: 'Patient/pat-9' },
      policyHolder: { display: 'Acme Corp' },
    });
    expect(coverage).toMatchObject({
      subscriberRef: 'Patient/pat-9',
      policyHolderRef: 'Acme Corp',
    });
  });

  it('reads an absent `active` as active, as FHIR does, for the active search', async () => {
    const org = await post('organizations', { name: 'Lakeside Clinic' });
    const closed = await post('organizations', { name: 'Lakeside Annex', active: false });
    expect(await ids('organizations?active=true')).toContain(org.id);
    expect(await ids('organizations?active=true')).not.toContain(closed.id);
    expect(await ids('organizations?active=false')).toEqual([closed.id]);
    expect(await ids('organizations?name=lakesi')).toEqual(
      expect.arrayContaining([org.id, closed.id]),
    );
  });

  it('matches a location by any part of its address, and persons by name parts', async () => {
    const place = await post('locations', {
      name: 'North clinic',
      address: { line: ['5 Oak Rd'], city: 'Denver', postalCode: '80202' },
    });
    expect(await ids('locations?address=denver')).toEqual([place.id]);
    expect(await ids('locations?address=80202')).toEqual([place.id]);
    expect(await ids('locations?address=Boulder')).toEqual([]);
    const person = await post('persons', { firstName: 'Grace', lastName: 'Hopper' });
    expect(await ids('persons?name=hopp')).toEqual([person.id]);
  });

  it('writes no empty FHIR elements for empty nested objects', async () => {
    const specimen = await post('specimens', { patientId: 'pat-1', collection: {} });
    const fhir = await fhirOf('Specimen', specimen.id);
    expect(fhir.collection).toBeUndefined();
    expect(fhirR4Errors(fhir)).toEqual([]);
  });

  it('describes every type in the CapabilityStatement, immutable ones without update', async () => {
    const statement = (await t.request('GET', '/v1/metadata')).body;
    const byType = new Map(
      statement.rest[0].resource.map((r: { type: string }) => [r.type, r] as const),
    );
    const codes = (type: string) =>
      (byType.get(type) as { interaction: { code: string }[] }).interaction.map((i) => i.code);
    expect(codes('AuditEvent')).toEqual(['read', 'delete', 'create', 'search-type']);
    expect(codes('Task')).toContain('patch');
    expect(
      (byType.get('Task') as { searchParam: { name: string; type: string }[] }).searchParam,
    ).toContainEqual(expect.objectContaining({ name: 'ownerId', type: 'reference' }));
    expect(fhirR4Errors(statement)).toEqual([]);
  });

  it('accepts webhook subscriptions by the event names of the webhook guide', async () => {
    const org = t.newOrg();
    const { endpoint } = await t.sandbox.webhooks.add({
      org,
      env: 'test',
      url: 'https://hooks.example.com/clinik',
      events: ['family-member-history.*', 'explanation-of-benefit.created', 'audit-event.deleted'],
    });
    expect(endpoint.events).toHaveLength(3);
    await expect(
      t.sandbox.webhooks.add({
        org,
        env: 'test',
        url: 'https://hooks.example.com/clinik',
        events: ['family-history.*'],
      }),
    ).rejects.toThrow(/events must be/);
  });
});

describe('the README', () => {
  it('lists every registry path with its FHIR type and webhook name', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const r of RESOURCES) {
      expect(readme, r.path).toMatch(
        new RegExp(
          `\\| \`${r.path}\`( \\(no PATCH\\))? *\\| ${r.fhirType} *\\| \`${r.event}\` *\\|`,
        ),
      );
    }
  });
});
