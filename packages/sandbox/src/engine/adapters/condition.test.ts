import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Errors } from '../../test/fhir-validator.js';
import { startTestSandbox, type TestSandbox } from '../../test/harness.js';

const SNOMED = 'http://snomed.info/sct';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';

let t: TestSandbox;
let key: string;
beforeAll(async () => {
  // Index the StructureDefinitions first: it blocks for seconds, long enough for a pooled
  // keep-alive connection to the sandbox to be dropped under a request.
  fhirR4Errors({ resourceType: 'Basic', code: { text: 'warm-up' } });
  t = await startTestSandbox();
  key = await t.keyFor(t.newOrg());
});
afterAll(() => t.close());

/** A problem-list entry as ConditionForm writes it. */
const hypertension = () => ({
  code: { system: ICD10CM, code: 'I10', display: 'Essential (primary) hypertension' },
  patientId: 'pat-problem',
  clinicalStatus: 'active',
  verificationStatus: 'confirmed',
  category: 'problem-list-item',
  severity: 'moderate',
  onsetDateTime: '2018-04',
  recordedDate: '2026-03-02T09:20:00-05:00',
  note: 'home readings 150/95',
});

const fhirOf = async (id: string) => {
  const response = await t.request('GET', `/v1/fhir/Condition/${id}`, { key });
  expect(response.status).toBe(200);
  return response.body;
};

describe('conditions as FHIR R4 Condition (problem list)', () => {
  it('stores ICD-10-CM and SNOMED CT codes, statuses, category and severity as valid FHIR', async () => {
    const body = hypertension();
    const created = await t.request('POST', '/v1/conditions', { key, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toEqual({
      ...body,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const resource = await fhirOf(created.body.data.id);
    expect(fhirR4Errors(resource)).toEqual([]);
    expect(resource).toMatchObject({
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ system: CLINICAL, code: 'active' }] },
      verificationStatus: { coding: [{ system: VERIFICATION, code: 'confirmed' }] },
      category: [{ coding: [{ system: CATEGORY, code: 'problem-list-item' }] }],
      severity: {
        coding: [{ system: SNOMED, code: '6736007', display: 'Moderate' }],
        text: 'moderate',
      },
      code: {
        coding: [{ system: ICD10CM, code: 'I10', display: 'Essential (primary) hypertension' }],
      },
      subject: { reference: 'Patient/pat-problem' },
      onsetDateTime: '2018-04',
      note: [{ text: 'home readings 150/95' }],
    });

    const snomed = { system: SNOMED, code: '195967001', display: 'Asthma' };
    const asthma = await t.request('POST', '/v1/conditions', {
      key,
      body: { ...hypertension(), code: snomed, severity: undefined },
    });
    const asthmaFhir = await fhirOf(asthma.body.data.id);
    expect(fhirR4Errors(asthmaFhir)).toEqual([]);
    expect(asthmaFhir.code).toEqual({ coding: [snomed] });

    const text = await t.request('POST', '/v1/conditions', {
      key,
      body: { ...hypertension(), code: 'Chronic cough, cause not yet known' },
    });
    expect((await fhirOf(text.body.data.id)).code).toEqual({
      text: 'Chronic cough, cause not yet known',
    });
  });

  it('allows an abatement only once the condition has abated (con-4), never before the onset', async () => {
    const early = await t.request('POST', '/v1/conditions', {
      key,
      body: { ...hypertension(), abatementDateTime: '2020-01-01' },
    });
    expect(early.status).toBe(422);
    expect(early.body.issues[0].diagnostics).toBe(
      'abatementDateTime is only allowed when clinicalStatus is inactive, remission or resolved',
    );

    const created = await t.request('POST', '/v1/conditions', { key, body: hypertension() });
    const id = created.body.data.id;
    const resolved = await t.request('PATCH', `/v1/conditions/${id}`, {
      key,
      body: { clinicalStatus: 'resolved', abatementDateTime: '2025-11-03' },
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const resource = await fhirOf(id);
    expect(fhirR4Errors(resource)).toEqual([]);
    expect(resource).toMatchObject({
      clinicalStatus: { coding: [{ system: CLINICAL, code: 'resolved' }] },
      abatementDateTime: '2025-11-03',
    });

    // Back to active with the abatement still stored: refused, nothing changes.
    const reactivated = await t.request('PATCH', `/v1/conditions/${id}`, {
      key,
      body: { clinicalStatus: 'recurrence' },
    });
    expect(reactivated.status).toBe(422);
    expect((await fhirOf(id)).clinicalStatus.coding[0].code).toBe('resolved');

    const beforeOnset = await t.request('PATCH', `/v1/conditions/${id}`, {
      key,
      body: { abatementDateTime: '2017-12-31' },
    });
    expect(beforeOnset.status).toBe(422);
    expect(beforeOnset.body.issues[0].diagnostics).toBe(
      'abatementDateTime must not be before onsetDateTime',
    );
    // Same month as the onset month: possibly after it, so allowed.
    const sameMonth = await t.request('PATCH', `/v1/conditions/${id}`, {
      key,
      body: { abatementDateTime: '2018-04-02' },
    });
    expect(sameMonth.status).toBe(200);
  });

  it('stores an entered-in-error record without clinical status or abatement (con-5, con-4)', async () => {
    const created = await t.request('POST', '/v1/conditions', {
      key,
      body: { ...hypertension(), clinicalStatus: 'remission', abatementDateTime: '2024' },
    });
    const id = created.body.data.id;
    const marked = await t.request('PATCH', `/v1/conditions/${id}`, {
      key,
      body: { verificationStatus: 'entered-in-error' },
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const resource = await fhirOf(id);
    expect(fhirR4Errors(resource)).toEqual([]);
    expect(resource.clinicalStatus).toBeUndefined();
    expect(resource.abatementDateTime).toBeUndefined();
    expect(resource.verificationStatus).toEqual({
      coding: [{ system: VERIFICATION, code: 'entered-in-error' }],
    });
  });

  it('finds the problems of a patient by clinical status', async () => {
    const patientId = 'pat-problem-search';
    const statuses = ['active', 'recurrence', 'inactive', 'remission', 'resolved'];
    for (const clinicalStatus of statuses) {
      const abated = ['inactive', 'remission', 'resolved'].includes(clinicalStatus);
      const response = await t.request('POST', '/v1/conditions', {
        key,
        body: {
          ...hypertension(),
          patientId,
          clinicalStatus,
          ...(abated ? { abatementDateTime: '2025' } : {}),
        },
      });
      expect(response.status).toBe(201);
      expect(fhirR4Errors(await fhirOf(response.body.data.id))).toEqual([]);
    }
    const found = await t.request('GET', `/v1/conditions?patientId=${patientId}&status=remission`, {
      key,
    });
    expect(found.body.data.data.map((c: { clinicalStatus: string }) => c.clinicalStatus)).toEqual([
      'remission',
    ]);
  });
});
