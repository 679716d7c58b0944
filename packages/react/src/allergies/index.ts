export * from './AllergyForm/index.js';
export * from './AllergyList/index.js';
export {
  type AllergyMessages,
  allergyMessages,
  defaultAllergyMessages,
} from './allergyMessages.js';
export {
  type AllergyRecordState,
  type AllergySummary,
  isCurrentAllergy,
  isNoKnownAllergy,
  summarizeAllergies,
} from './allergyStatus.js';
export {
  type NoKnownAllergiesActionStatus,
  useNoKnownAllergies,
} from './useNoKnownAllergies.js';
export {
  type PatientAllergies,
  type PatientAllergiesStatus,
  usePatientAllergies,
} from './usePatientAllergies.js';
