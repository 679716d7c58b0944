import type { AppointmentStatus, AppointmentType } from '@clinikapi/core';

/** Every user-visible string of the appointment components, in English. Override any through `messages`. */
export interface AppointmentMessages {
  patient: string;
  searchPatients: string;
  choosePatient: string;
  practitioner: string;
  searchPractitioners: string;
  choosePractitioner: string;
  date: string;
  availableTimes: string;
  timesInZone: (zone: string, offset: string) => string;
  loadingTimes: string;
  noTimes: string;
  choosePractitionerFirst: string;
  loadTimesFailed: string;
  endsNextDay: (end: string) => string;
  duration: string;
  slotLength: string;
  minutes: (n: number) => string;
  appointmentType: string;
  appointmentTypes: Record<'routine' | 'walkin' | 'urgent' | 'followup', string>;
  reason: string;
  note: string;
  patientInstructions: string;
  bookAppointment: string;
  rescheduleAppointment: string;
  booking: string;
  booked: (when: string) => string;
  rescheduled: (when: string) => string;
  required: (label: string) => string;
  tooLong: (label: string, max: number) => string;
  pickTime: string;
  formHasErrors: string;
  slotTaken: string;
  bookFailed: string;
  loadingAppointment: string;
  appointments: string;
  upcoming: string;
  past: string;
  loadingAppointments: string;
  noAppointments: string;
  loadAppointmentsFailed: string;
  retry: string;
  statusLabels: Record<AppointmentStatus, string>;
  typeLabel: (type: AppointmentType) => string;
  cancelAppointment: string;
  cancelReason: string;
  confirmCancel: string;
  keepAppointment: string;
  cancelFailed: string;
  reschedule: string;
  closeReschedule: string;
  agenda: (practitioner: string) => string;
  day: string;
  week: string;
  previous: string;
  next: string;
  today: string;
  free: string;
  busy: string;
  freeCount: (n: number) => string;
  noSlots: string;
  truncated: (limit: number) => string;
  clockChange: (hours: number) => string;
  agendaHelp: string;
}

const typeLabels: Record<AppointmentType, string> = {
  routine: 'Routine',
  walkin: 'Walk-in',
  urgent: 'Urgent',
  followup: 'Follow-up',
  checkup: 'Check-up',
  emergency: 'Emergency',
};

export const defaultAppointmentMessages: AppointmentMessages = {
  patient: 'Patient',
  searchPatients: 'Search patients',
  choosePatient: 'Choose a patient',
  practitioner: 'Practitioner',
  searchPractitioners: 'Search practitioners',
  choosePractitioner: 'Choose a practitioner',
  date: 'Date',
  availableTimes: 'Available times',
  timesInZone: (zone, offset) => `Times in ${zone} (${offset})`,
  loadingTimes: 'Loading times…',
  noTimes: 'No free times on this day.',
  choosePractitionerFirst: 'Choose a practitioner to see their free times.',
  loadTimesFailed: 'Could not load the free times.',
  endsNextDay: (end) => `ends ${end} the next day`,
  duration: 'Duration',
  slotLength: 'Whole slot',
  minutes: (n) => `${n} minutes`,
  appointmentType: 'Appointment type',
  appointmentTypes: {
    routine: typeLabels.routine,
    walkin: typeLabels.walkin,
    urgent: typeLabels.urgent,
    followup: typeLabels.followup,
  },
  reason: 'Reason',
  note: 'Note',
  patientInstructions: 'Patient instructions',
  bookAppointment: 'Book appointment',
  rescheduleAppointment: 'Reschedule appointment',
  booking: 'Booking…',
  booked: (when) => `Booked for ${when}.`,
  rescheduled: (when) => `Moved to ${when}.`,
  required: (label) => `${label} is required`,
  tooLong: (label, max) => `${label} must be at most ${max} characters`,
  pickTime: 'Pick one of the available times',
  formHasErrors: 'Please correct the highlighted fields.',
  slotTaken:
    'That time was just booked by someone else. The free times are refreshed: pick another one; your other entries are kept.',
  bookFailed: 'Could not book the appointment. Your entries are kept; try again.',
  loadingAppointment: 'Loading appointment…',
  appointments: 'Appointments',
  upcoming: 'Upcoming',
  past: 'Past',
  loadingAppointments: 'Loading appointments…',
  noAppointments: 'No appointments.',
  loadAppointmentsFailed: 'Could not load appointments.',
  retry: 'Retry',
  statusLabels: {
    proposed: 'Proposed',
    pending: 'Pending',
    booked: 'Booked',
    arrived: 'Arrived',
    fulfilled: 'Fulfilled',
    cancelled: 'Cancelled',
    noshow: 'No-show',
    'checked-in': 'Checked in',
    waitlist: 'Waitlist',
  },
  typeLabel: (type) => typeLabels[type],
  cancelAppointment: 'Cancel appointment',
  cancelReason: 'Reason for cancelling',
  confirmCancel: 'Confirm cancellation',
  keepAppointment: 'Keep appointment',
  cancelFailed: 'Could not cancel the appointment; try again.',
  reschedule: 'Reschedule',
  closeReschedule: 'Close',
  agenda: (practitioner) => `Agenda of ${practitioner}`,
  day: 'Day',
  week: 'Week',
  previous: 'Previous',
  next: 'Next',
  today: 'Today',
  free: 'Free',
  busy: 'Busy',
  freeCount: (n) => `${n} free`,
  noSlots: 'Nothing scheduled.',
  truncated: (limit) =>
    `Showing the first ${limit} records of this period; pick a shorter view to see the rest.`,
  clockChange: (hours) => `Clocks change today: a ${hours}-hour day.`,
  agendaHelp:
    'Use the arrow keys to move between times, Page Up and Page Down to change days, Enter to choose.',
};

/** The defaults with per-component overrides applied. */
export function appointmentMessages(overrides?: Partial<AppointmentMessages>): AppointmentMessages {
  return overrides ? { ...defaultAppointmentMessages, ...overrides } : defaultAppointmentMessages;
}
