import {
  type AllergyCreate,
  type AllergyPatch,
  allergyCreateSchema,
  allergyPatchSchema,
  type ValidationResult,
  validate,
} from '@clinikapi/core/schemas';

// Loaded on demand by useAllergyForm: core's schemas bring zod, which lists never need.

export function validateAllergyCreate(body: unknown): ValidationResult<AllergyCreate> {
  return validate(allergyCreateSchema, body);
}

export function validateAllergyPatch(body: unknown): ValidationResult<AllergyPatch> {
  return validate(allergyPatchSchema, body);
}
