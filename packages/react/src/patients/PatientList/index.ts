export { type UseRowNavigationOptions, useRowNavigation } from '../../list/useRowNavigation.js';
export {
  type BuiltInPatientColumnId,
  builtInPatientColumns,
  defaultPatientColumns,
  type PatientCellContext,
  type PatientColumn,
} from './columns.js';
export { PatientList, type PatientListProps } from './PatientList.js';
export {
  type PatientListState,
  type PatientListStatus,
  type UsePatientListStateOptions,
  usePatientListState,
} from './usePatientListState.js';
