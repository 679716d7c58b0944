import {
  type ConditionCreate,
  type ConditionPatch,
  conditionCreateSchema,
  conditionPatchSchema,
  type ValidationResult,
  validate,
} from '@clinikapi/core/schemas';

// Loaded on demand by useConditionForm: core's schemas bring zod, which lists never need.

export function validateConditionCreate(body: unknown): ValidationResult<ConditionCreate> {
  return validate(conditionCreateSchema, body);
}

export function validateConditionPatch(body: unknown): ValidationResult<ConditionPatch> {
  return validate(conditionPatchSchema, body);
}
