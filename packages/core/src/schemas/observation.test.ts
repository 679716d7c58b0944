import { describe, expect, it } from 'vitest';
import { validate } from '../validation.js';
import { observationCreateSchema, observationPatchSchema } from './observation.js';

const mmHg = (value: number) => ({
  value,
  unit: 'mmHg',
  system: 'http://unitsofmeasure.org',
  code: 'mm[Hg]',
});
const high = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  code: 'H',
  display: 'High',
};

describe('observation schema (FHIR R4 Observation, simplified)', () => {
  it('flags each blood pressure component with its own interpretation and reference range', () => {
    const panel = {
      status: 'final',
      category: 'vital-signs',
      patientId: 'p1',
      effectiveDateTime: '2026-06-15T09:30:00-04:00',
      code: { system: 'http://loinc.org', code: '85354-9' },
      component: [
        {
          code: { system: 'http://loinc.org', code: '8480-6' },
          valueQuantity: mmHg(142),
          interpretation: high,
          referenceRange: { low: mmHg(90), high: mmHg(129) },
        },
        {
          code: { system: 'http://loinc.org', code: '8462-4' },
          valueQuantity: mmHg(78),
          interpretation: 'N',
          referenceRange: [{ low: mmHg(60), high: mmHg(79) }],
        },
      ],
    };
    expect(validate(observationCreateSchema, panel).success).toBe(true);
    const unknown = { ...panel, component: [{ ...panel.component[0], method: 'cuff' }] };
    expect(validate(observationCreateSchema, unknown).success).toBe(false);
  });

  it('withdraws a record with entered-in-error (FHIR R4 ObservationStatus) and refuses other words', () => {
    expect(validate(observationPatchSchema, { status: 'entered-in-error' }).success).toBe(true);
    expect(validate(observationPatchSchema, { status: 'deleted' }).success).toBe(false);
  });

  it('records what a value was computed from as Observation ids (FHIR R4 derivedFrom), on create and patch', () => {
    const bmi = {
      status: 'final',
      category: 'vital-signs',
      patientId: 'p1',
      code: { system: 'http://loinc.org', code: '39156-5' },
      valueQuantity: {
        value: 22.9,
        unit: 'kg/m2',
        system: 'http://unitsofmeasure.org',
        code: 'kg/m2',
      },
      derivedFromIds: ['weight-1', 'height-1'],
    };
    const created = validate(observationCreateSchema, bmi);
    expect(created.success && created.data.derivedFromIds).toEqual(['weight-1', 'height-1']);
    expect(validate(observationPatchSchema, { derivedFromIds: ['w.2'] }).success).toBe(true);
    // Ids only (the contract's id pattern), never references or free text, at most 10.
    const refused = validate(observationCreateSchema, {
      ...bmi,
      derivedFromIds: ['Observation/weight-1'],
    });
    expect(refused.success ? [] : refused.issues.map((i) => i.diagnostics)).toEqual([
      'derivedFromIds[0] must be a valid id',
    ]);
    expect(validate(observationCreateSchema, { ...bmi, derivedFromIds: 'weight-1' }).success).toBe(
      false,
    );
    const eleven = Array.from({ length: 11 }, (_, i) => `o${i}`);
    expect(validate(observationPatchSchema, { derivedFromIds: eleven }).success).toBe(false);
  });
});
