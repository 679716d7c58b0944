import {
  type ObservationCreate,
  type ObservationPatch,
  observationCreateSchema,
  observationPatchSchema,
  type ValidationResult,
  validate,
} from '@clinikapi/core/schemas';

// Loaded on demand by the vitals forms: core's schemas bring zod, which lists and charts never need.

export function validateObservationCreate(body: unknown): ValidationResult<ObservationCreate> {
  return validate(observationCreateSchema, body);
}

export function validateObservationPatch(body: unknown): ValidationResult<ObservationPatch> {
  return validate(observationPatchSchema, body);
}
