export { PatientCard, type PatientCardProps } from './PatientCard.js';
export {
  type PatientCardDetails,
  usePatientCardDetails,
  usePatientSummary,
} from './usePatientCardDetails.js';
