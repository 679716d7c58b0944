import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Errors } from '../../test/fhir-validator.js';
import { startTestSandbox, type TestSandbox } from '../../test/harness.js';

const SNOMED = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';

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

/** A penicillin allergy with coded reactions, as AllergyForm writes it. */
const penicillin = () => ({
  code: { system: RXNORM, code: '7980', display: 'Penicillin G' },
  patientId: 'pat-allergy',
  clinicalStatus: 'active',
  verificationStatus: 'confirmed',
  type: 'allergy',
  category: ['medication'],
  criticality: 'high',
  onsetDateTime: '2019',
  recordedDate: '2026-03-02T09:20:00-05:00',
  reactions: [
    {
      manifestation: 'Anaphylaxis',
      manifestationCoding: { system: SNOMED, code: '39579001', display: 'Anaphylaxis' },
      severity: 'severe',
      description: 'within minutes of an injection',
    },
    {
      manifestation: 'Hives',
      manifestationCoding: { system: SNOMED, code: '126485001', display: 'Urticaria' },
      severity: 'moderate',
    },
    { manifestation: 'felt faint', severity: 'mild' },
  ],
  note: 'avoid all beta-lactams until tested',
});

const fhirOf = async (id: string) => {
  const response = await t.request('GET', `/v1/fhir/AllergyIntolerance/${id}`, { key });
  expect(response.status).toBe(200);
  return response.body;
};

describe('allergies as FHIR R4 AllergyIntolerance', () => {
  it('stores substance, statuses and coded reactions as valid FHIR with exact codings, and reads them back', async () => {
    const body = penicillin();
    const created = await t.request('POST', '/v1/allergies', { key, body });
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
      resourceType: 'AllergyIntolerance',
      clinicalStatus: { coding: [{ system: CLINICAL, code: 'active' }] },
      verificationStatus: { coding: [{ system: VERIFICATION, code: 'confirmed' }] },
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      code: { coding: [{ system: RXNORM, code: '7980', display: 'Penicillin G' }] },
      patient: { reference: 'Patient/pat-allergy' },
      onsetDateTime: '2019',
      recordedDate: '2026-03-02T09:20:00-05:00',
      note: [{ text: 'avoid all beta-lactams until tested' }],
    });
    expect(resource.reaction).toEqual([
      {
        manifestation: [
          {
            coding: [{ system: SNOMED, code: '39579001', display: 'Anaphylaxis' }],
            text: 'Anaphylaxis',
          },
        ],
        description: 'within minutes of an injection',
        severity: 'severe',
      },
      {
        manifestation: [
          { coding: [{ system: SNOMED, code: '126485001', display: 'Urticaria' }], text: 'Hives' },
        ],
        severity: 'moderate',
      },
      { manifestation: [{ text: 'felt faint' }], severity: 'mild' },
    ]);

    const read = await t.request('GET', `/v1/allergies/${created.body.data.id}`, { key });
    expect(read.body.data).toEqual(created.body.data);
  });

  it('records "no known allergies" as its own statement (SNOMED CT 716186003), valid FHIR', async () => {
    const body = {
      code: { system: SNOMED, code: '716186003', display: 'No known allergy' },
      patientId: 'pat-nka',
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      recordedDate: '2026-03-02T09:20:00Z',
    };
    const created = await t.request('POST', '/v1/allergies', { key, body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const resource = await fhirOf(created.body.data.id);
    expect(fhirR4Errors(resource)).toEqual([]);
    expect(resource.code).toEqual({
      coding: [{ system: SNOMED, code: '716186003', display: 'No known allergy' }],
    });

    const withReaction = await t.request('POST', '/v1/allergies', {
      key,
      body: { ...body, reactions: [{ manifestation: 'Hives' }] },
    });
    expect(withReaction.status).toBe(422);
    expect(withReaction.body.issues[0].diagnostics).toBe(
      'reactions must be empty for a "no known allergy" statement',
    );
  });

  it('requires a clinical status unless entered in error (ait-1), and stores none when it is (ait-2)', async () => {
    const { clinicalStatus: _, ...withoutStatus } = penicillin();
    const refused = await t.request('POST', '/v1/allergies', { key, body: withoutStatus });
    expect(refused.status).toBe(422);
    expect(refused.body.issues[0].diagnostics).toBe(
      'clinicalStatus is required unless verificationStatus is entered-in-error',
    );

    const created = await t.request('POST', '/v1/allergies', { key, body: penicillin() });
    const id = created.body.data.id;
    const marked = await t.request('PATCH', `/v1/allergies/${id}`, {
      key,
      body: { verificationStatus: 'entered-in-error' },
    });
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    expect(marked.body.data.verificationStatus).toBe('entered-in-error');
    expect(marked.body.data.clinicalStatus).toBeUndefined();
    const resource = await fhirOf(id);
    expect(fhirR4Errors(resource)).toEqual([]);
    expect(resource.clinicalStatus).toBeUndefined();

    // Un-marking needs a status again.
    const back = await t.request('PATCH', `/v1/allergies/${id}`, {
      key,
      body: { verificationStatus: 'confirmed' },
    });
    expect(back.status).toBe(422);
    const restored = await t.request('PATCH', `/v1/allergies/${id}`, {
      key,
      body: { verificationStatus: 'confirmed', clinicalStatus: 'active' },
    });
    expect(restored.status).toBe(200);
  });

  it('resolves and inactivates with a valid FHIR status each time, and searches by it', async () => {
    const created = await t.request('POST', '/v1/allergies', {
      key,
      body: { ...penicillin(), patientId: 'pat-status' },
    });
    const id = created.body.data.id;
    for (const clinicalStatus of ['inactive', 'resolved']) {
      const patched = await t.request('PATCH', `/v1/allergies/${id}`, {
        key,
        body: { clinicalStatus },
      });
      expect(patched.status).toBe(200);
      const resource = await fhirOf(id);
      expect(fhirR4Errors(resource)).toEqual([]);
      expect(resource.clinicalStatus).toEqual({
        coding: [{ system: CLINICAL, code: clinicalStatus }],
      });
      // Everything else is untouched by the status change.
      expect(patched.body.data.reactions).toEqual(penicillin().reactions);
    }
    const found = await t.request('GET', '/v1/allergies?patientId=pat-status&status=resolved', {
      key,
    });
    expect(found.body.data.data.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it('accepts FHIR partial onsets and refuses impossible dates', async () => {
    for (const onsetDateTime of ['2019', '2019-05', '2019-05-31', '2019-05-31T08:00:00+02:00']) {
      const ok = await t.request('POST', '/v1/allergies', {
        key,
        body: { ...penicillin(), onsetDateTime },
      });
      expect(ok.status, onsetDateTime).toBe(201);
      expect(fhirR4Errors(await fhirOf(ok.body.data.id))).toEqual([]);
    }
    for (const onsetDateTime of ['2019-13', '2019-02-30', '19', '2019-05-31T08:00:00']) {
      const bad = await t.request('POST', '/v1/allergies', {
        key,
        body: { ...penicillin(), onsetDateTime },
      });
      expect(bad.status, onsetDateTime).toBe(422);
    }
  });
});
