export { ConditionForm, type ConditionFormProps } from './ConditionForm.js';
export {
  bodyFromValues as conditionBodyFromValues,
  CONDITION_FIELDS,
  type ConditionFieldName,
  type ConditionFormValues,
  patchFromEdits as conditionPatchFromEdits,
  valuesFromCondition,
} from './fields.js';
export {
  type ConditionFormState,
  type ConditionFormStatus,
  type UseConditionFormOptions,
  useConditionForm,
} from './useConditionForm.js';
