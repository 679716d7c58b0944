import {
  type PatientCreate,
  type PatientPatch,
  patientCreateSchema,
  patientPatchSchema,
  type ValidationResult,
  validate,
} from '@clinikapi/core/schemas';

// Loaded on demand by usePatientForm: core's schemas bring zod, which lists and cards never need.

export function validatePatientCreate(body: unknown): ValidationResult<PatientCreate> {
  return validate(patientCreateSchema, body);
}

export function validatePatientPatch(body: unknown): ValidationResult<PatientPatch> {
  return validate(patientPatchSchema, body);
}
