'use client';
import {
  type Appointment,
  type AppointmentCreate,
  type AppointmentType,
  ClinikConflictError,
  type Slot,
} from '@clinikapi/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClinik } from '../provider/context.js';
import { formatDateTime } from '../time/format.js';
import { bookableSlots, slotStartLabels } from '../time/slots.js';
import {
  addMinutes,
  type DayKey,
  dayKeyOf,
  isDayKey,
  minutesBetween,
  shiftDay,
  startOfDayIn,
  todayIn,
  toZonedIso,
} from '../time/zone.js';
import { type AppointmentMessages, appointmentMessages } from './appointmentMessages.js';
import {
  useAppointment,
  useBookAppointment,
  useSlots,
  useUpdateAppointment,
} from './useAppointmentQueries.js';
import { usePracticeZone } from './usePracticeZone.js';

/** The appointment types the form offers (HL7 v2-0276 codes as the API writes them). */
export const FORM_APPOINTMENT_TYPES = ['routine', 'walkin', 'urgent', 'followup'] as const;
/** Durations offered, in minutes. */
export const DEFAULT_DURATIONS = [15, 30, 45, 60, 90] as const;

export interface AppointmentFormValues {
  patientId: string;
  practitionerId: string;
  day: DayKey;
  slotId: string;
  /** Minutes; `undefined` books the whole slot. */
  duration: number | undefined;
  appointmentType: (typeof FORM_APPOINTMENT_TYPES)[number];
  reason: string;
  comment: string;
  patientInstruction: string;
}

export type AppointmentFormField =
  | 'patientId'
  | 'practitionerId'
  | 'day'
  | 'slotId'
  | 'reason'
  | 'comment'
  | 'patientInstruction';

export interface UseAppointmentFormOptions {
  /** The patient to book for; without it the form asks for one. */
  patientId?: string;
  /** Preselected practitioner. Defaults to none (the user picks). */
  practitionerId?: string;
  /** Reschedules this appointment instead of booking a new one. */
  appointmentId?: string;
  /** IANA zone of the practice: days, "today" and times are taken in it. Defaults to the provider's. */
  timeZone?: string;
  /**
   * Appointment lengths offered, in minutes. A chosen length books the start of one slot (the
   * slot turns busy), so only slots at least that long are offered; "Whole slot" books the slot's
   * own length. Defaults to 15, 30, 45, 60 and 90.
   */
  durations?: readonly number[];
  /** Called with the stored appointment after booking or rescheduling. */
  onBooked?: (appointment: Appointment) => void;
  /** Label overrides. Defaults to English. */
  messages?: Partial<AppointmentMessages>;
}

const LIMITS = { reason: 500, comment: 2000, patientInstruction: 2000 } as const;

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/**
 * State, validation and submission of booking (or rescheduling) one appointment. Slot math is
 * done in `timeZone`, never in the browser's zone; what is sent carries ISO 8601 offsets.
 * `<AppointmentForm>` renders it; use the hook alone for your own UI.
 */
export function useAppointmentForm(options: UseAppointmentFormOptions = {}) {
  const clinik = useClinik();
  const timeZone = usePracticeZone(options.timeZone);
  const messages = appointmentMessages(options.messages);
  const durations = options.durations ?? DEFAULT_DURATIONS;
  const nowMs = clinik.now().getTime();
  const today = todayIn(timeZone, nowMs);

  const [values, setValues] = useState<AppointmentFormValues>(() => ({
    patientId: options.patientId ?? '',
    practitionerId: options.practitionerId ?? '',
    day: today,
    slotId: '',
    duration: undefined,
    appointmentType: 'routine',
    reason: '',
    comment: '',
    patientInstruction: '',
  }));
  const [touchedSubmit, setTouchedSubmit] = useState(false);
  const [outcome, setOutcome] = useState<
    | { kind: 'conflict' }
    | { kind: 'failed' }
    | { kind: 'done'; appointment: Appointment }
    | undefined
  >();

  // Rescheduling: prefill once from the stored appointment.
  const existing = useAppointment(options.appointmentId);
  const prefilledFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    const appointment = existing.data;
    if (!appointment || prefilledFor.current === appointment.id) return;
    prefilledFor.current = appointment.id;
    setValues((v) => ({
      ...v,
      patientId: appointment.patientId,
      practitionerId: appointment.practitionerId ?? v.practitionerId,
      day: appointment.start ? maxDay(dayKeyOf(appointment.start, timeZone), today) : v.day,
      appointmentType: isFormType(appointment.appointmentType)
        ? appointment.appointmentType
        : v.appointmentType,
      reason: appointment.reasonCode ?? '',
      comment: appointment.comment ?? '',
      patientInstruction: appointment.patientInstruction ?? '',
    }));
  }, [existing.data, timeZone, today]);

  const validDay = isDayKey(values.day) ? values.day : today;
  const slotsQuery = useSlots({
    practitionerId: values.practitionerId || undefined,
    from: startOfDayIn(validDay, timeZone),
    // Inclusive bound: one second before the next local midnight (23 or 25 hours away on DST days).
    to: startOfDayIn(shiftDay(validDay, 1), timeZone).getTime() - 1000,
    timeZone,
  });
  const slots: Slot[] = useMemo(
    () =>
      bookableSlots(slotsQuery.data?.data ?? [], {
        day: validDay,
        timeZone,
        now: nowMs,
        minMinutes: values.duration ?? 0,
      }),
    [slotsQuery.data, validDay, timeZone, nowMs, values.duration],
  );
  const slotLabels = useMemo(
    () => slotStartLabels(slots, { timeZone, locale: clinik.locale }),
    [slots, timeZone, clinik.locale],
  );
  const selectedSlot = slots.find((slot) => slot.id === values.slotId);

  // A picked slot that is no longer offered (taken, past, too short) is dropped, not booked.
  useEffect(() => {
    if (values.slotId && slotsQuery.isSuccess && !selectedSlot) {
      setValues((v) => ({ ...v, slotId: '' }));
    }
  }, [values.slotId, selectedSlot, slotsQuery.isSuccess]);

  const errors = validateValues(values, selectedSlot, messages);
  const visibleErrors = touchedSubmit ? errors : {};

  const book = useBookAppointment();
  const update = useUpdateAppointment();
  const pending = book.isPending || update.isPending;

  function setField<K extends keyof AppointmentFormValues>(
    field: K,
    value: AppointmentFormValues[K],
  ) {
    setOutcome((o) => (o?.kind === 'done' ? undefined : o));
    setValues((v) => {
      const next = { ...v, [field]: value };
      // Another practitioner or day means other slots.
      if (field === 'practitionerId' || field === 'day') next.slotId = '';
      return next;
    });
  }

  async function submit(): Promise<Appointment | undefined> {
    setTouchedSubmit(true);
    if (pending || Object.keys(errors).length > 0 || !selectedSlot) return undefined;
    const minutes = values.duration ?? minutesBetween(selectedSlot.start, selectedSlot.end);
    const timing = {
      practitionerId: values.practitionerId,
      slotId: selectedSlot.id,
      start: toZonedIso(selectedSlot.start, timeZone),
      end: toZonedIso(addMinutes(selectedSlot.start, minutes), timeZone),
      minutesDuration: minutes,
      appointmentType: values.appointmentType as AppointmentType,
      reasonCode: optional(values.reason),
      comment: optional(values.comment),
      patientInstruction: optional(values.patientInstruction),
    };
    setOutcome(undefined);
    try {
      const appointment = options.appointmentId
        ? await update.mutateAsync({ id: options.appointmentId, patch: dropUndefined(timing) })
        : await book.mutateAsync(
            dropUndefined({
              status: 'booked',
              patientId: values.patientId,
              ...timing,
            }) as AppointmentCreate,
          );
      setOutcome({ kind: 'done', appointment });
      setTouchedSubmit(false);
      setValues((v) => ({ ...v, slotId: '' }));
      options.onBooked?.(appointment);
      return appointment;
    } catch (error) {
      if (error instanceof ClinikConflictError) {
        setValues((v) => ({ ...v, slotId: '' }));
        setOutcome({ kind: 'conflict' });
      } else {
        setOutcome({ kind: 'failed' });
      }
      return undefined;
    }
  }

  const alert =
    outcome?.kind === 'conflict'
      ? messages.slotTaken
      : outcome?.kind === 'failed'
        ? messages.bookFailed
        : touchedSubmit && Object.keys(errors).length > 0
          ? messages.formHasErrors
          : undefined;
  const doneAppointment = outcome?.kind === 'done' ? outcome.appointment : undefined;
  const success = doneAppointment?.start
    ? (options.appointmentId ? messages.rescheduled : messages.booked)(
        formatDateTime(doneAppointment.start, { timeZone, locale: clinik.locale }),
      )
    : undefined;

  return {
    values,
    setField,
    timeZone,
    locale: clinik.locale,
    today,
    durations,
    messages,
    /** Free, future slots of the chosen day in the practice zone, earliest first. */
    slots,
    slotLabels,
    slotsQuery,
    selectedSlot,
    errors: visibleErrors,
    /** A form-level problem to announce (validation, 409 conflict, failure). */
    alert,
    /** Set after a successful booking. */
    success,
    conflict: outcome?.kind === 'conflict',
    pending,
    rescheduling: Boolean(options.appointmentId),
    loadingExisting: Boolean(options.appointmentId) && existing.isPending,
    submit,
  };
}

export type AppointmentFormState = ReturnType<typeof useAppointmentForm>;

function validateValues(
  values: AppointmentFormValues,
  selectedSlot: Slot | undefined,
  messages: AppointmentMessages,
): Partial<Record<AppointmentFormField, string>> {
  const errors: Partial<Record<AppointmentFormField, string>> = {};
  if (!values.patientId) errors.patientId = messages.required(messages.patient);
  if (!values.practitionerId) errors.practitionerId = messages.required(messages.practitioner);
  if (!isDayKey(values.day)) errors.day = messages.required(messages.date);
  if (!selectedSlot) errors.slotId = messages.pickTime;
  const labels = {
    reason: messages.reason,
    comment: messages.note,
    patientInstruction: messages.patientInstructions,
  };
  for (const field of ['reason', 'comment', 'patientInstruction'] as const) {
    if (values[field].trim().length > LIMITS[field])
      errors[field] = messages.tooLong(labels[field], LIMITS[field]);
  }
  return errors;
}

function isFormType(type: string | undefined): type is AppointmentFormValues['appointmentType'] {
  return (FORM_APPOINTMENT_TYPES as readonly string[]).includes(type ?? '');
}

const maxDay = (a: DayKey, b: DayKey) => (a > b ? a : b);

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
