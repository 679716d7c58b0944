export {
  type AllergyMatch,
  type AllergyMatchKind,
  allergyCountsForCheck,
  matchMedicationAllergies,
} from './allergyMatch.js';
export { describeDosage, dosesPerDay } from './dosage.js';
export * from './MedicationList/index.js';
export {
  type AllergyWarningWords,
  defaultMedicationMessages,
  type MedicationMessages,
  medicationMessages,
  type TimingWords,
} from './medicationMessages.js';
export * from './PrescriptionForm/index.js';
export {
  type AllergyCheck,
  curatedIngredients,
  type ResolveIngredients,
  type UseAllergyCheckOptions,
  useAllergyCheck,
} from './useAllergyCheck.js';
export {
  CURRENT_STATUSES,
  useMedicationList,
  usePatientPrescriptions,
} from './usePrescriptions.js';
