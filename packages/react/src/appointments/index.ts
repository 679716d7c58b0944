export {
  type AgendaView,
  AppointmentAgenda,
  type AppointmentAgendaProps,
} from './AppointmentAgenda.js';
export { AppointmentForm, type AppointmentFormProps } from './AppointmentForm.js';
export { AppointmentList, type AppointmentListProps } from './AppointmentList.js';
export { type AgendaEntry, agendaDays } from './agendaEntries.js';
export {
  type AppointmentMessages,
  appointmentMessages,
  defaultAppointmentMessages,
} from './appointmentMessages.js';
export {
  type AppointmentSearchParams,
  appointmentQueries,
  invalidateAfterScheduling,
  type PractitionerListParams,
  RANGE_LIMIT,
  refreshSlots,
  type SlotRangeParams,
} from './appointmentQueries.js';
export {
  type AppointmentChangeField,
  type AppointmentConflict,
  type AppointmentFormField,
  type AppointmentFormState,
  type AppointmentFormValues,
  DEFAULT_DURATIONS,
  FORM_APPOINTMENT_TYPES,
  type LostSlotReason,
  type UseAppointmentFormOptions,
  useAppointmentForm,
} from './useAppointmentForm.js';
export {
  type AppointmentFilters,
  type CancelAppointmentVariables,
  type SlotQuery,
  type UpdateAppointmentVariables,
  useAppointment,
  useAppointments,
  useAppointmentsInRange,
  useBookAppointment,
  useCancelAppointment,
  usePractitioners,
  useSlots,
  useUpdateAppointment,
} from './useAppointmentQueries.js';
