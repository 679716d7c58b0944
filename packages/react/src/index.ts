'use client';
export * from './appointments/index.js';
export * from './components/PatientCard/index.js';
export * from './components/PatientForm/index.js';
export * from './components/PatientList/index.js';
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
export { ageInYears, formatCalendarDate } from './format/dates.js';
export type { ClinikQuerySettings } from './hooks/options.js';
export { useDebouncedValue } from './hooks/useDebouncedValue.js';
export {
  type PatientListParams,
  useCreatePatient,
  useDeletePatient,
  useInfinitePatients,
  usePatient,
  usePatients,
  useUpdatePatient,
} from './hooks/usePatients.js';
export {
  type UpdateVariables,
  useCreateResource,
  useDeleteResource,
  useInfiniteResourceList,
  useResource,
  useResourceList,
  useUpdateResource,
} from './hooks/useResourceQueries.js';
export {
  ClinikLiveEvents,
  type ClinikLiveEventsProps,
  useClinikEvents,
  useLiveStatus,
} from './live/ClinikLiveEvents.js';
export type { LiveStatus } from './live/connection.js';
export { invalidateForNotice } from './live/invalidate.js';
export { type ClinikMessages, defaultMessages } from './messages.js';
export { ClinikProvider, type ClinikProviderProps } from './provider/ClinikProvider.js';
export { type ClinikContextValue, useClinik, useMessages } from './provider/context.js';
export { bindClinikClient, clinikClientOf } from './queries/clientRegistry.js';
export { clinikQueries, resourceQueries } from './queries/clinikQueries.js';
export { clinikInvalidation } from './queries/invalidation.js';
export { clinikKeys, normalizeParams } from './queries/keys.js';
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
export * from './time/index.js';
