export {
  bodyFromValues,
  emptyPatientValues,
  PATIENT_FIELDS,
  type PatientFieldName,
  type PatientFormValues,
  patchFromValues,
  valuesFromPatient,
} from './fields.js';
export { type MappedIssues, mapIssuesToFields } from './issues.js';
export { PatientForm, type PatientFormProps } from './PatientForm.js';
export {
  type PatientFormState,
  type PatientFormStatus,
  type UsePatientFormOptions,
  usePatientForm,
} from './usePatientForm.js';
