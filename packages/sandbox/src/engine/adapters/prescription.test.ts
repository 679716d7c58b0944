import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Errors } from '../../test/fhir-validator.js';
import { startTestSandbox, type TestSandbox } from '../../test/harness.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const STATUS_REASON = 'http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason';

let t: TestSandbox;
let key: string;
beforeAll(async () => {
  t = await startTestSandbox();
  key = await t.keyFor(t.newOrg());
});
afterAll(() => t.close());

/** Amoxicillin 500 mg, one capsule by mouth three times a day for 7 days. */
const structured = () => ({
  status: 'active',
  intent: 'order',
  medication: { system: RXNORM, code: '308191', display: 'amoxicillin 500 MG Oral Capsule' },
  patientId: 'pat-rx',
  practitionerId: 'prac-rx',
  authoredOn: '2026-03-02T09:20:00-05:00',
  dosageInstruction: 'One capsule by mouth three times a day for 7 days',
  dosage: {
    doseQuantity: { value: 1, unit: 'capsule', system: UCUM, code: '{capsule}' },
    route: { system: SNOMED, code: '26643006', display: 'Oral route' },
    timing: {
      repeat: {
        frequency: 3,
        period: 1,
        periodUnit: 'd',
        boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' },
      },
    },
  },
  quantity: { value: 21, unit: 'capsule', system: UCUM, code: '{capsule}' },
  refills: 0,
  substitution: { allowedBoolean: true },
  note: 'finish the course',
});

describe('prescriptions: structured dosage as FHIR MedicationRequest', () => {
  it('stores timing, dose, route, dispense and substitution as valid FHIR R4 with exact codings', async () => {
    const body = structured();
    const created = await t.request('POST', '/v1/prescriptions', { key, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toEqual({
      ...body,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });

    const fhir = await t.request('GET', `/v1/fhir/MedicationRequest/${created.body.data.id}`, {
      key,
    });
    expect(fhir.status).toBe(200);
    const resource = fhir.body;
    expect(fhirR4Errors(resource)).toEqual([]);
    expect(resource).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [{ system: RXNORM, code: '308191', display: 'amoxicillin 500 MG Oral Capsule' }],
      },
      subject: { reference: 'Patient/pat-rx' },
      requester: { reference: 'Practitioner/prac-rx' },
      dispenseRequest: {
        numberOfRepeatsAllowed: 0,
        quantity: { value: 21, unit: 'capsule', system: UCUM, code: '{capsule}' },
      },
      substitution: { allowedBoolean: true },
    });
    expect(resource.dosageInstruction).toEqual([
      {
        text: 'One capsule by mouth three times a day for 7 days',
        // 3 per 1 day, bounded by a 7-day course: the course never goes into the period.
        timing: {
          repeat: {
            frequency: 3,
            period: 1,
            periodUnit: 'd',
            boundsDuration: { value: 7, unit: 'days', system: UCUM, code: 'd' },
          },
        },
        route: { coding: [{ system: SNOMED, code: '26643006', display: 'Oral route' }] },
        doseAndRate: [
          { doseQuantity: { value: 1, unit: 'capsule', system: UCUM, code: '{capsule}' } },
        ],
      },
    ]);
  });

  it('stops with a coded reason (statusReason) and keeps every other field', async () => {
    const created = await t.request('POST', '/v1/prescriptions', { key, body: structured() });
    const id = created.body.data.id;
    const reason = { system: STATUS_REASON, code: 'salg', display: 'Allergy' };
    const stopped = await t.request('PATCH', `/v1/prescriptions/${id}`, {
      key,
      body: { status: 'stopped', statusReason: reason },
    });
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    expect(stopped.body.data).toMatchObject({ status: 'stopped', statusReason: reason });
    expect(stopped.body.data.dosage).toEqual(structured().dosage);

    const fhir = (await t.request('GET', `/v1/fhir/MedicationRequest/${id}`, { key })).body;
    expect(fhirR4Errors(fhir)).toEqual([]);
    expect(fhir.statusReason).toEqual({ coding: [reason] });

    const held = await t.request('PATCH', `/v1/prescriptions/${id}`, {
      key,
      body: { status: 'on-hold', statusReason: 'Scheduled for surgery' },
    });
    expect(held.body.data).toMatchObject({
      status: 'on-hold',
      statusReason: 'Scheduled for surgery',
    });
    const heldFhir = (await t.request('GET', `/v1/fhir/MedicationRequest/${id}`, { key })).body;
    expect(heldFhir.statusReason).toEqual({ text: 'Scheduled for surgery' });
    expect(fhirR4Errors(heldFhir)).toEqual([]);
  });

  it('keeps the text-only shape working (dosage text, substitution not allowed)', async () => {
    const body = {
      status: 'active',
      medication: 'Amlodipine 5 mg tablet',
      patientId: 'pat-rx',
      dosageInstruction: 'One tablet daily',
      quantity: { value: 30, unit: 'tablet' },
      refills: 2,
      substitution: { allowedBoolean: false, reason: 'Narrow therapeutic index' },
    };
    const created = await t.request('POST', '/v1/prescriptions', { key, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toMatchObject(body);
    expect(created.body.data.dosage).toBeUndefined();
    const fhir = (
      await t.request('GET', `/v1/fhir/MedicationRequest/${created.body.data.id}`, { key })
    ).body;
    expect(fhirR4Errors(fhir)).toEqual([]);
    expect(fhir.dosageInstruction).toEqual([{ text: 'One tablet daily' }]);
    expect(fhir.substitution).toEqual({
      allowedBoolean: false,
      reason: { text: 'Narrow therapeutic index' },
    });
    expect(fhir).not.toHaveProperty('requester');
  });

  it.each([
    [
      { periodUnit: 'days' },
      'dosage.timing.repeat.periodUnit must be one of s, min, h, d, wk, mo, a',
    ],
    [{ frequency: 0 }, 'dosage.timing.repeat.frequency must be at least 1'],
    [{ period: 0 }, 'dosage.timing.repeat.period must be greater than 0'],
    [
      { boundsDuration: { value: 7, code: 'days' } },
      'dosage.timing.repeat.boundsDuration.code must be one of s, min, h, d, wk, mo, a',
    ],
    [
      { boundsDuration: { value: 7, code: 'd', system: 'http://example.org' } },
      'dosage.timing.repeat.boundsDuration.system must be one of http://unitsofmeasure.org',
    ],
  ])('refuses a timing that is not FHIR Timing (%j)', async (change, diagnostics) => {
    const body = structured();
    Object.assign(body.dosage.timing.repeat, change);
    const refused = await t.request('POST', '/v1/prescriptions', { key, body });
    expect(refused.status).toBe(422);
    expect(refused.body.issues.map((i: { diagnostics: string }) => i.diagnostics)).toContain(
      diagnostics,
    );
  });

  it('refuses a zero dose, a coded unit without its system, and more than 99 refills', async () => {
    const body = structured();
    body.dosage.doseQuantity = { value: 0, unit: 'mg', code: 'mg' } as never;
    const refused = await t.request('POST', '/v1/prescriptions', {
      key,
      body: { ...body, refills: 100 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.issues.map((i: { diagnostics: string }) => i.diagnostics)).toEqual(
      expect.arrayContaining([
        'dosage.doseQuantity.value must be greater than 0',
        'dosage.doseQuantity.system needs a system when it has a code',
        'refills must be at most 99',
      ]),
    );
  });

  it('a MedicationRequest written as FHIR with a timing the simplified shape cannot hold stays patchable', async () => {
    const put = await t.request('POST', '/v1/fhir/MedicationRequest', {
      key,
      headers: { 'content-type': 'application/fhir+json' },
      body: {
        resourceType: 'MedicationRequest',
        status: 'active',
        intent: 'order',
        medicationCodeableConcept: { text: 'Insulin' },
        subject: { reference: 'Patient/pat-rx' },
        dosageInstruction: [
          { text: 'before meals', timing: { repeat: { when: ['AC'] } }, route: { text: 'SC' } },
        ],
      },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(201);
    const id = put.body.id;
    const read = await t.request('GET', `/v1/prescriptions/${id}`, { key });
    expect(read.body.data).toMatchObject({
      dosageInstruction: 'before meals',
      dosage: { route: 'SC' },
    });
    expect(read.body.data.dosage.timing).toBeUndefined();
    const patched = await t.request('PATCH', `/v1/prescriptions/${id}`, {
      key,
      body: { refills: 1 },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  });
});
