export * from './ImmunizationForm/index.js';
export * from './ImmunizationList/index.js';
export {
  defaultImmunizationMessages,
  type ImmunizationMessages,
  immunizationMessages,
} from './immunizationMessages.js';
export { useImmunizationList, usePatientImmunizations } from './useImmunizations.js';
