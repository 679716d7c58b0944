import { describe, expect, it } from 'vitest';
import { fhirR4Errors } from './fhir-validator.js';

describe('the FHIR R4 validator used by the tests', () => {
  it('accepts a valid Observation and names missing, mistyped and unknown elements', () => {
    const valid = {
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }] },
      subject: { reference: 'Patient/p1' },
      valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
    };
    expect(fhirR4Errors(valid)).toEqual([]);
    // Structure, cardinality and types (required-binding value sets are not loaded).
    const { code: _code, ...withoutCode } = valid;
    const errors = fhirR4Errors({ ...withoutCode, valueQuantity: { value: 'high' }, extra: 1 });
    expect(errors.join('\n')).toMatch(/Observation\.code/);
    expect(errors.join('\n')).toMatch(/value/);
    expect(errors.join('\n')).toMatch(/extra/);
  });
});
