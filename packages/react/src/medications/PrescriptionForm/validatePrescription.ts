import {
  type PrescriptionCreate,
  type PrescriptionPatch,
  prescriptionCreateSchema,
  prescriptionPatchSchema,
  type ValidationResult,
  validate,
} from '@clinikapi/core/schemas';

// Loaded on demand by usePrescriptionForm: core's schemas bring zod, which lists never need.

export function validatePrescriptionCreate(body: unknown): ValidationResult<PrescriptionCreate> {
  return validate(prescriptionCreateSchema, body);
}

export function validatePrescriptionPatch(body: unknown): ValidationResult<PrescriptionPatch> {
  return validate(prescriptionPatchSchema, body);
}
