import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Errors } from '../../test/fhir-validator.js';
import { startTestSandbox, type TestSandbox } from '../../test/harness.js';

const CVX = 'http://hl7.org/fhir/sid/cvx';
const SNOMED = 'http://snomed.info/sct';
const ACT_SITE = 'http://terminology.hl7.org/CodeSystem/v3-ActSite';
const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
const UCUM = 'http://unitsofmeasure.org';

let t: TestSandbox;
let key: string;
beforeAll(async () => {
  t = await startTestSandbox();
  key = await t.keyFor(t.newOrg());
});
afterAll(() => t.close());

const given = () => ({
  status: 'completed',
  vaccineCode: { system: CVX, code: '115', display: 'Tdap' },
  patientId: 'pat-imm',
  occurrenceDateTime: '2026-03-02T10:15:00-05:00',
  performerId: 'prac-imm',
  lotNumber: 'TD4471',
  site: { system: ACT_SITE, code: 'LA', display: 'left arm' },
  route: { system: SNOMED, code: '78421000', display: 'Intramuscular route' },
  doseQuantity: { value: 0.5, unit: 'mL', system: UCUM, code: 'mL' },
  protocolApplied: [{ series: 'Adult booster', doseNumberPositiveInt: 1 }],
  primarySource: true,
});

describe('immunizations as FHIR Immunization', () => {
  it('stores a given dose with CVX, site, route and dose number as valid FHIR R4', async () => {
    const body = given();
    const created = await t.request('POST', '/v1/immunizations', { key, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toEqual({
      ...body,
      id: expect.any(String),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const fhir = (await t.request('GET', `/v1/fhir/Immunization/${created.body.data.id}`, { key }))
      .body;
    expect(fhirR4Errors(fhir)).toEqual([]);
    expect(fhir).toMatchObject({
      resourceType: 'Immunization',
      status: 'completed',
      vaccineCode: { coding: [{ system: CVX, code: '115', display: 'Tdap' }] },
      patient: { reference: 'Patient/pat-imm' },
      occurrenceDateTime: '2026-03-02T10:15:00-05:00',
      lotNumber: 'TD4471',
      site: { coding: [{ system: ACT_SITE, code: 'LA', display: 'left arm' }] },
      route: { coding: [{ system: SNOMED, code: '78421000', display: 'Intramuscular route' }] },
      doseQuantity: { value: 0.5, unit: 'mL', system: UCUM, code: 'mL' },
      performer: [{ actor: { reference: 'Practitioner/prac-imm' } }],
      protocolApplied: [{ series: 'Adult booster', doseNumberPositiveInt: 1 }],
    });
  });

  it('stores a dose not given with its coded reason', async () => {
    const reason = { system: ACT_REASON, code: 'PATOBJ', display: 'patient objection' };
    const body = {
      status: 'not-done',
      statusReason: reason,
      vaccineCode: { system: CVX, code: '141', display: 'Influenza, seasonal, injectable' },
      patientId: 'pat-imm',
      occurrenceDateTime: '2026-03-02T10:15:00-05:00',
    };
    const created = await t.request('POST', '/v1/immunizations', { key, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.data).toMatchObject(body);
    const fhir = (await t.request('GET', `/v1/fhir/Immunization/${created.body.data.id}`, { key }))
      .body;
    expect(fhirR4Errors(fhir)).toEqual([]);
    expect(fhir.statusReason).toEqual({ coding: [reason] });
    expect(fhir.status).toBe('not-done');
  });

  it('keeps site and route as text, as before', async () => {
    const body = { ...given(), site: 'left arm', route: 'intramuscular' };
    const created = await t.request('POST', '/v1/immunizations', { key, body });
    expect(created.body.data).toMatchObject({ site: 'left arm', route: 'intramuscular' });
    const fhir = (await t.request('GET', `/v1/fhir/Immunization/${created.body.data.id}`, { key }))
      .body;
    expect(fhir.site).toEqual({ text: 'left arm' });
    expect(fhirR4Errors(fhir)).toEqual([]);
  });

  it('patches the dose number (the whole protocolApplied list) and keeps the rest', async () => {
    const created = await t.request('POST', '/v1/immunizations', { key, body: given() });
    const id = created.body.data.id;
    const patched = await t.request('PATCH', `/v1/immunizations/${id}`, {
      key,
      body: { protocolApplied: [{ series: 'Adult booster', doseNumberPositiveInt: 2 }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({
      ...given(),
      protocolApplied: [{ series: 'Adult booster', doseNumberPositiveInt: 2 }],
    });
  });

  it('refuses dose number 0 and a dose number beyond the series', async () => {
    const zero = await t.request('POST', '/v1/immunizations', {
      key,
      body: { ...given(), protocolApplied: [{ doseNumberPositiveInt: 0 }] },
    });
    expect(zero.status).toBe(422);
    expect(zero.body.issues[0].diagnostics).toBe(
      'protocolApplied[0].doseNumberPositiveInt must be at least 1',
    );
    const beyond = await t.request('POST', '/v1/immunizations', {
      key,
      body: {
        ...given(),
        protocolApplied: [{ doseNumberPositiveInt: 3, seriesDosesPositiveInt: 2 }],
      },
    });
    expect(beyond.status).toBe(422);
    expect(beyond.body.issues[0].diagnostics).toBe(
      'protocolApplied[0].doseNumberPositiveInt must not be more than the doses in the series',
    );
  });
});
