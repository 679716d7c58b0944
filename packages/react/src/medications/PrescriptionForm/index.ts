export {
  checkPrescription,
  emptyPrescriptionValues,
  PRESCRIPTION_FIELDS,
  type PrescriptionFieldName,
  type PrescriptionFormValues,
  prescriptionBody,
  prescriptionPatch,
  valuesFromPrescription,
} from './fields.js';
export {
  type MedicationInputProps,
  PrescriptionForm,
  type PrescriptionFormProps,
} from './PrescriptionForm.js';
export {
  type PrescriptionFormState,
  type PrescriptionFormStatus,
  type UsePrescriptionFormOptions,
  usePrescriptionForm,
} from './usePrescriptionForm.js';
