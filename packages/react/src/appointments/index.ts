export {
  type AgendaView,
  AppointmentAgenda,
  type AppointmentAgendaProps,
} from './AppointmentAgenda/AppointmentAgenda.js';
export { type AgendaEntry, agendaDays } from './AppointmentAgenda/agendaEntries.js';
export { AppointmentForm, type AppointmentFormProps } from './AppointmentForm/AppointmentForm.js';
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
} from './AppointmentForm/useAppointmentForm.js';
export { AppointmentList, type AppointmentListProps } from './AppointmentList/AppointmentList.js';
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
