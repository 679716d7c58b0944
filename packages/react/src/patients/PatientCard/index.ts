export { PatientCard, type PatientCardProps } from './PatientCard.js';
export { type PatientSummary, usePatientSummary } from './usePatientSummary.js';
