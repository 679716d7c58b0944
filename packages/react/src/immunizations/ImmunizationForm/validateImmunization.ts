import {
  type ImmunizationCreate,
  type ImmunizationPatch,
  immunizationCreateSchema,
  immunizationPatchSchema,
  type ValidationResult,
  validate,
} from '@clinikapi/core/schemas';

// Loaded on demand by useImmunizationForm: core's schemas bring zod, which lists never need.

export function validateImmunizationCreate(body: unknown): ValidationResult<ImmunizationCreate> {
  return validate(immunizationCreateSchema, body);
}

export function validateImmunizationPatch(body: unknown): ValidationResult<ImmunizationPatch> {
  return validate(immunizationPatchSchema, body);
}
