export * from './ConditionForm/index.js';
export * from './ConditionList/index.js';
export {
  type ConditionMessages,
  conditionMessages,
  defaultConditionMessages,
} from './conditionMessages.js';
export { groupProblems, type ProblemList } from './conditionStatus.js';
export {
  type PatientConditions,
  type PatientConditionsStatus,
  usePatientConditions,
} from './usePatientConditions.js';
