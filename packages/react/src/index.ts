'use client';
export * from './allergies/index.js';
export * from './appointments/index.js';
export * from './coded/index.js';
export * from './conditions/index.js';
export {
  type Draft,
  discardEdit,
  draftValues,
  editField,
  type FieldConflict,
  isPristine,
  rebaseDraft,
} from './form/draft.js';
export {
  type GuardedUpdateVariables,
  guardedUpdate,
  RecordChangedError,
  useGuardedUpdate,
} from './form/guardedUpdate.js';
export { type RecordSetter, useRecordState } from './form/recordState.js';
export * from './immunizations/index.js';
export { useDebouncedValue } from './list/useDebouncedValue.js';
export {
  ClinikLiveEvents,
  type ClinikLiveEventsProps,
  useClinikEvents,
  useLiveStatus,
} from './live/ClinikLiveEvents.js';
export type { LiveStatus } from './live/connection.js';
export { invalidateForNotice } from './live/invalidate.js';
export * from './medications/index.js';
export { type ClinikMessages, defaultMessages } from './messages.js';
export * from './patients/PatientCard/index.js';
export * from './patients/PatientForm/index.js';
export * from './patients/PatientList/index.js';
export {
  type PatientListParams,
  useCreatePatient,
  useDeletePatient,
  useInfinitePatients,
  usePatient,
  usePatients,
  useUpdatePatient,
} from './patients/usePatients.js';
export { ClinikProvider, type ClinikProviderProps } from './provider/ClinikProvider.js';
export { type ClinikContextValue, useClinik, useMessages } from './provider/context.js';
export { bindClinikClient, clinikClientOf } from './queries/clientRegistry.js';
export { clinikQueries, resourceQueries } from './queries/clinikQueries.js';
export { clinikInvalidation } from './queries/invalidation.js';
export { clinikKeys, normalizeParams } from './queries/keys.js';
export type { ClinikQuerySettings } from './queries/options.js';
export {
  DEFAULT_READ_YOUR_WRITES_MS,
  installReadYourWrites,
  noteOwnWrite,
} from './queries/readYourWrites.js';
export type {
  CreateOf,
  InfiniteParamsOf,
  PageOf,
  PatchOf,
  RecordOf,
  SearchParamsOf,
} from './queries/types.js';
export {
  type UpdateVariables,
  useCreateResource,
  useDeleteResource,
  useInfiniteResourceList,
  useResource,
  useResourceList,
  useUpdateResource,
} from './queries/useResourceQueries.js';
export * from './summary/index.js';
export { ageInYears, formatCalendarDate } from './time/dates.js';
export * from './time/index.js';
export * from './vitals/index.js';
