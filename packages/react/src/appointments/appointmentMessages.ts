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
  /**
   * Which zone the times are in: `zone` as people read it ("Eastern Time (New York)"), its
   * offsets over the period ("GMT-4 → GMT-5" across a clock change) and the IANA id.
   */
  timesInZone: (zone: string, offset: string, id: string) => string;
  loadingTimes: string;
  noTimes: string;
  /** Button moving the form to the next day with a free time. */
  nextAvailable: (day: string) => string;
  /** While the next day with a free time is looked up. */
  findingNextAvailable: string;
  /** No free time in the days looked at after the chosen one. */
  noTimesAhead: (days: number) => string;
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
  /** A picked time someone else booked (409 on submit, or a refresh while the form is open). */
  slotTaken: string;
  /** A picked time that started meanwhile. */
  slotPassed: string;
  /** A picked time the practice removed (or no longer offers) meanwhile. */
  slotGone: string;
  bookFailed: string;
  /** Rescheduling: someone else saved the appointment first; nothing was written. */
  appointmentChanged: string;
  /** Rescheduling: a newer copy arrived while editing; untouched fields show it. */
  changedElsewhere: (fields: string) => string;
  /** Heading of the list of fields both people changed. */
  conflictsTitle: string;
  storedNow: (value: string) => string;
  yours: (value: string) => string;
  /** Button dropping the user's edit of one field in favour of the stored value. */
  keepStored: (label: string) => string;
  /** Shown for an empty value in the conflict list. */
  emptyValue: string;
  time: string;
  status: string;
  /** Rescheduling: a stored value the API cannot remove was emptied. */
  cannotClear: (label: string) => string;
  /** Rescheduling: the appointment is now in a state that cannot be moved (e.g. cancelled). */
  cannotReschedule: (status: string) => string;
  loadingAppointment: string;
  loadAppointmentFailed: string;
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
  /** The appointment changed after the user opened the cancel panel; `now` describes it. */
  cancelChanged: (now: string) => string;
  /** It was cancelled by someone else meanwhile; nothing to do. */
  alreadyCancelled: (now: string) => string;
  /** It was completed or marked otherwise meanwhile and can no longer be cancelled. */
  cannotCancel: (now: string) => string;
  cancelAnyway: string;
  /** Confirmation after cancelling; `when` is the appointment's date and time. */
  appointmentCancelled: (when: string) => string;
  close: string;
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
  /** How to move in the agenda (read with every day's list). */
  agendaHelp: string;
  /** Added to `agendaHelp` when free times can be chosen (`onSelectSlot`). */
  agendaChooseSlot: string;
  /** Added to `agendaHelp` when appointments can be opened (`onSelectAppointment`). */
  agendaOpenAppointment: string;
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
  timesInZone: (zone, offset) => `Times in ${zone}, ${offset}`,
  loadingTimes: 'Loading times…',
  noTimes: 'No free times on this day.',
  nextAvailable: (day) => `Next available: ${day}`,
  findingNextAvailable: 'Looking for the next day with free times…',
  noTimesAhead: (days) => `No free times in the next ${days} days either.`,
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
  slotPassed: 'The time you picked has passed. Pick another one; your other entries are kept.',
  slotGone:
    'The time you picked is no longer offered. Pick another one; your other entries are kept.',
  bookFailed: 'Could not book the appointment. Your entries are kept; try again.',
  appointmentChanged:
    'Someone else changed this appointment since you opened it, so nothing was saved. Your entries are kept: check what changed, then reschedule again to apply them.',
  changedElsewhere: (fields) =>
    `This appointment was changed elsewhere (${fields}). Fields you did not edit show the new values.`,
  conflictsTitle: 'Changed by someone else too',
  storedNow: (value) => `Stored now: ${value}`,
  yours: (value) => `Yours: ${value}`,
  keepStored: (label) => `Keep stored ${label.toLowerCase()}`,
  emptyValue: '(empty)',
  time: 'Time',
  status: 'Status',
  cannotClear: (label) => `${label} can only be changed here, not removed. Enter a value or undo.`,
  cannotReschedule: (status) =>
    `This appointment is now ${status.toLowerCase()} and can no longer be rescheduled.`,
  loadingAppointment: 'Loading appointment…',
  loadAppointmentFailed: 'Could not load the appointment.',
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
  cancelChanged: (now) =>
    `This appointment changed since you opened it; nothing was cancelled. It is now: ${now}. Cancel it anyway?`,
  alreadyCancelled: (now) => `Someone else already cancelled this appointment (${now}).`,
  cannotCancel: (now) =>
    `This appointment changed since you opened it and can no longer be cancelled; nothing was changed. It is now: ${now}.`,
  cancelAnyway: 'Cancel it anyway',
  appointmentCancelled: (when) => `Cancelled the appointment of ${when}.`,
  close: 'Close',
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
    'Up and Down arrows move between the entries of a day, Home and End go to its first and last, Left and Right arrows (or Page Up and Page Down) go to the previous and next day.',
  agendaChooseSlot: 'Enter or Space chooses a free time.',
  agendaOpenAppointment: 'Enter or Space opens an appointment.',
};

/** The defaults with per-component overrides applied. */
export function appointmentMessages(overrides?: Partial<AppointmentMessages>): AppointmentMessages {
  return overrides ? { ...defaultAppointmentMessages, ...overrides } : defaultAppointmentMessages;
}
