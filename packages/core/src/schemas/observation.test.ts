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
});
