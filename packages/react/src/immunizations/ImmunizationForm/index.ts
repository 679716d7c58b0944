export {
  checkImmunization,
  emptyImmunizationValues,
  IMMUNIZATION_FIELDS,
  type ImmunizationFieldName,
  type ImmunizationFormValues,
  immunizationBody,
  immunizationPatch,
  valuesFromImmunization,
} from './fields.js';
export { ImmunizationForm, type ImmunizationFormProps } from './ImmunizationForm.js';
export {
  type ImmunizationFormState,
  type ImmunizationFormStatus,
  type UseImmunizationFormOptions,
  useImmunizationForm,
} from './useImmunizationForm.js';
