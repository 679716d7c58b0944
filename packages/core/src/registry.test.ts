import { describe, expect, it } from 'vitest';
import { RESOURCE_PATHS } from './paths.js';
import {
  camelCasePath,
  getResource,
  getResourceByEvent,
  getResourceByFhirType,
  isResourcePath,
  ORIGINAL_RESOURCE_PATHS,
  RESOURCES,
} from './registry.js';

describe('resource registry', () => {
  it("RESOURCE_PATHS (what the client needs) lists the registry's paths, in its order", () => {
    expect(RESOURCE_PATHS).toEqual(RESOURCES.map((r) => r.path));
  });
  it('lists the 62 paths of the API (14 original, 7 scheduling/clinical, 41 more), once each', () => {
    expect(RESOURCES).toHaveLength(62);
    expect(new Set(RESOURCES.map((r) => r.path)).size).toBe(62);
    expect(new Set(RESOURCES.map((r) => r.fhirType)).size).toBe(62);
    expect(new Set(RESOURCES.map((r) => r.event)).size).toBe(62);
    for (const path of ORIGINAL_RESOURCE_PATHS) expect(isResourcePath(path)).toBe(true);
    for (const path of [
      'slots',
      'schedules',
      'conditions',
      'allergies',
      'immunizations',
      'care-plans',
      'goals',
    ]) {
      expect(isResourcePath(path)).toBe(true);
    }
  });

  it('maps paths to FHIR types and webhook names as the contract documents', () => {
    expect(getResource('prescriptions')?.fhirType).toBe('MedicationRequest');
    expect(getResource('intakes')?.fhirType).toBe('QuestionnaireResponse');
    expect(getResource('assessments')?.fhirType).toBe('ClinicalImpression');
    expect(getResourceByFhirType('DocumentReference')?.path).toBe('notes');
    expect(getResourceByEvent('care-plan')?.path).toBe('care-plans');
    expect(getResource('allergies')?.event).toBe('allergy');
  });

  it('gives patient and practitioner searches their own parameters', () => {
    expect(getResource('patients')?.searchParams).toEqual([
      'name',
      'email',
      'phone',
      'gender',
      'birthDate',
      'active',
    ]);
    expect(getResource('practitioners')?.searchParams).toEqual([
      'name',
      'specialty',
      'npi',
      'active',
    ]);
    expect(getResource('appointments')?.searchParams).toContain('practitionerId');
    expect(getResource('slots')?.searchParams).toContain('scheduleId');
    expect(getResource('goals')?.searchParams).toEqual([
      'patientId',
      'status',
      'dateFrom',
      'dateTo',
      'sort',
    ]);
  });

  it('knows who owns a record', () => {
    expect(getResource('patients')?.ownership).toBe('self');
    expect(getResource('appointments')?.ownership).toBe('patient');
    expect(getResource('practitioners')?.ownership).toBe('shared');
  });

  it('refuses unknown and prototype paths', () => {
    expect(isResourcePath('admin')).toBe(false);
    expect(isResourcePath('__proto__')).toBe(false);
    expect(getResource('constructor')).toBeUndefined();
  });

  it('camel-cases paths for client properties', () => {
    expect(camelCasePath('practitioner-roles')).toBe('practitionerRoles');
    expect(camelCasePath('patients')).toBe('patients');
  });
});
