export { AllergyForm, type AllergyFormProps } from './AllergyForm.js';
export {
  ALLERGY_FIELDS,
  type AllergyFieldName,
  type AllergyFormValues,
  bodyFromValues as allergyBodyFromValues,
  patchFromEdits as allergyPatchFromEdits,
  type ReactionRow,
  valuesFromAllergy,
} from './fields.js';
export {
  type AllergyFormState,
  type AllergyFormStatus,
  type UseAllergyFormOptions,
  useAllergyForm,
} from './useAllergyForm.js';
