'use client';
import type {
  Appointment,
  AppointmentCreate,
  AppointmentPatch,
  AppointmentStatus,
  AppointmentType,
  Slot,
} from '@clinikapi/core';
import { ClinikConflictError, ClinikPreconditionFailedError } from '@clinikapi/core/client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type Draft, discardEdit, draftValues, editField, rebaseDraft } from '../../form/draft.js';
import { RecordChangedError } from '../../form/guardedUpdate.js';
import { useRecordState } from '../../form/recordState.js';
import { useClinik } from '../../provider/context.js';
import { formatDateTime } from '../../time/format.js';
import { bookableSlots, slotStartLabels } from '../../time/slots.js';
import {
  addMinutes,
  type DayKey,
  dayKeyOf,
  isDayKey,
  millisOf,
  minutesBetween,
  shiftDay,
  startOfDayIn,
  todayIn,
  toZonedIso,
} from '../../time/zone.js';
import { type AppointmentMessages, appointmentMessages } from '../appointmentMessages.js';
import { appointmentQueries } from '../appointmentQueries.js';
import {
  useAppointment,
  useBookAppointment,
  useSlots,
  useUpdateAppointment,
} from '../useAppointmentQueries.js';
import { usePracticeZone } from '../usePracticeZone.js';

/** The appointment types the form offers (HL7 v2-0276 codes as the API writes them). */
export const FORM_APPOINTMENT_TYPES = ['routine', 'walkin', 'urgent', 'followup'] as const;
/** Durations offered, in minutes. */
export const DEFAULT_DURATIONS = [15, 30, 45, 60, 90] as const;
/** How many days after the chosen one "Next available" looks at. */
export const NEXT_AVAILABLE_DAYS = 90;

/** The next day with a free time, when the chosen day has none (see `useAppointmentForm`). */
export interface NextAvailable {
  /** Looking it up. */
  loading: boolean;
  /** The day (`YYYY-MM-DD` in the practice zone), or `undefined` while loading or when none. */
  day: DayKey | undefined;
  /** Found none within `NEXT_AVAILABLE_DAYS` days (or the lookup failed). */
  none: boolean;
  /** Moves the form to `day`. */
  go: () => void;
}

export interface AppointmentFormValues {
  patientId: string;
  practitionerId: string;
  day: DayKey;
  slotId: string;
  /** Minutes; `undefined` books the whole slot. */
  duration: number | undefined;
  /** One of `FORM_APPOINTMENT_TYPES`, or the stored type of an appointment being rescheduled. */
  appointmentType: AppointmentType;
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
  /**
   * The patient to book for; without it the form asks for one. The form follows changes of this
   * id (and of `practitionerId` and `appointmentId`): everything picked or typed for the previous
   * one is dropped, and a booking in flight for it never lands in the new one.
   */
  patientId?: string | undefined;
  /** Preselected practitioner. Defaults to none (the user picks). */
  practitionerId?: string | undefined;
  /**
   * Reschedules this appointment instead of booking a new one. Only what the user changed is
   * sent, and only onto the version the form loaded (`If-Match`, or an `updatedAt` check).
   */
  appointmentId?: string | undefined;
  /** IANA zone of the practice: days, "today" and times are taken in it. Defaults to the provider's. */
  timeZone?: string | undefined;
  /**
   * Appointment lengths offered, in minutes. A chosen length books the start of one slot (the
   * slot turns busy), so only slots at least that long are offered; "Whole slot" books the slot's
   * own length. Defaults to 15, 30, 45, 60 and 90.
   */
  durations?: readonly number[] | undefined;
  /**
   * Called with the stored appointment after booking or rescheduling (not called when the form
   * has moved on to another patient, practitioner or appointment meanwhile).
   */
  onBooked?: ((appointment: Appointment) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<AppointmentMessages> | undefined;
}

/** The inputs a user edits as text or a choice (what a reschedule sends when changed). */
type DetailValues = {
  practitionerId: string;
  appointmentType: string;
  reason: string;
  comment: string;
  patientInstruction: string;
};
type DetailField = keyof DetailValues;
const DETAIL_FIELDS: readonly DetailField[] = [
  'practitionerId',
  'appointmentType',
  'reason',
  'comment',
  'patientInstruction',
];

/** What someone else changed in an appointment being rescheduled. */
export type AppointmentChangeField = DetailField | 'time' | 'status';

/** A field the user edited that someone else changed too: the stored value and the user's. */
export interface AppointmentConflict {
  field: AppointmentChangeField;
  label: string;
  theirs: string;
  yours: string;
  /** The user's edit can be dropped in favour of the stored value (`keepStored(field)`). */
  canKeepStored: boolean;
}

/** Why a picked time is no longer offered. */
export type LostSlotReason = 'taken' | 'past' | 'gone';

type Outcome =
  | { kind: 'slot-lost'; why: LostSlotReason }
  | { kind: 'changed' }
  | { kind: 'not-reschedulable' }
  | { kind: 'failed' }
  | { kind: 'done'; appointment: Appointment };

interface FormState {
  patientId: string;
  draft: Draft<DetailValues>;
  day: string;
  slotId: string;
  duration: number | undefined;
  /** Rescheduling: the stored appointment the edits apply to, newest seen. */
  stored: Appointment | undefined;
  showErrors: boolean;
  /** This record's own request is in flight. */
  submitting: boolean;
  outcome: Outcome | undefined;
  /** Rescheduling: fields edited here that someone else changed too. */
  conflictFields: AppointmentChangeField[];
  /** Rescheduling: what a newer stored copy changed while the form was open. */
  changedFields: AppointmentChangeField[];
  /** Counts refused or failed submits: the component moves focus to the alert on each. */
  attempt: number;
  /** Counts successful submits: the component moves focus to the confirmation on each. */
  confirmed: number;
}

const LIMITS = { reason: 500, comment: 2000, patientInstruction: 2000 } as const;
/** Statuses an appointment can no longer be moved out of. */
const FINAL = new Set<AppointmentStatus>(['cancelled', 'fulfilled', 'noshow']);

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

function detailsOf(appointment: Appointment): DetailValues {
  return {
    practitionerId: appointment.practitionerId ?? '',
    appointmentType: appointment.appointmentType ?? 'routine',
    reason: appointment.reasonCode ?? '',
    comment: appointment.comment ?? '',
    patientInstruction: appointment.patientInstruction ?? '',
  };
}

const newer = (a: Appointment, b: Appointment) =>
  a.updatedAt !== b.updatedAt && Date.parse(a.updatedAt) >= Date.parse(b.updatedAt);

/** The form moved onto a newer stored copy: untouched fields follow it, typed ones stay. */
function onNewerStored(state: FormState, latest: Appointment): FormState {
  const before = state.stored;
  const next = detailsOf(latest);
  const rebased = rebaseDraft(state.draft, next);
  const conflicts = new Set(
    state.conflictFields.filter(
      (field) => field === 'time' || field === 'status' || rebased.draft.edits[field] !== undefined,
    ),
  );
  for (const conflict of rebased.conflicts) conflicts.add(conflict.field);
  const changed = new Set(state.changedFields);
  for (const field of DETAIL_FIELDS)
    if (next[field] !== state.draft.base[field]) changed.add(field);
  if (before && (latest.start !== before.start || latest.end !== before.end)) {
    changed.add('time');
    if (state.slotId) conflicts.add('time');
  }
  if (before && latest.status !== before.status) changed.add('status');
  const order: AppointmentChangeField[] = ['time', 'status', ...DETAIL_FIELDS];
  return {
    ...state,
    stored: latest,
    patientId: latest.patientId,
    draft: rebased.draft,
    conflictFields: order.filter((field) => conflicts.has(field)),
    changedFields: order.filter((field) => changed.has(field)),
  };
}

/**
 * State, validation and submission of booking (or rescheduling) one appointment. Slot math is
 * done in `timeZone`, never in the browser's zone; what is sent carries ISO 8601 offsets.
 * `<AppointmentForm>` renders it; use the hook alone for your own UI.
 *
 * Record identity: the state belongs to the ids it was opened with (`patientId`,
 * `practitionerId`, `appointmentId`) and starts over when one changes; a submit is computed
 * against, and sent to, the ids of the render it came from, and its result is dropped if the
 * form moved on meanwhile. A picked time that stops being offered (booked by someone else, past,
 * removed) is announced and dropped; the form's own booking never counts as such.
 */
export function useAppointmentForm(options: UseAppointmentFormOptions = {}) {
  const { patientId, practitionerId, appointmentId, onBooked } = options;
  const clinik = useClinik();
  const timeZone = usePracticeZone(options.timeZone);
  const messages = appointmentMessages(options.messages);
  const durations = options.durations ?? DEFAULT_DURATIONS;
  const nowMs = clinik.now().getTime();
  const today = todayIn(timeZone, nowMs);
  const rescheduling = Boolean(appointmentId);

  const recordKey = appointmentId
    ? `appointment:${appointmentId}`
    : `new|patient:${patientId ?? ''}|practitioner:${practitionerId ?? ''}`;
  const initialState = (): FormState => ({
    patientId: rescheduling ? '' : (patientId ?? ''),
    draft: {
      base: {
        practitionerId: rescheduling ? '' : (practitionerId ?? ''),
        appointmentType: 'routine',
        reason: '',
        comment: '',
        patientInstruction: '',
      },
      edits: {},
    },
    day: today,
    slotId: '',
    duration: undefined,
    stored: undefined,
    showErrors: false,
    submitting: false,
    outcome: undefined,
    conflictFields: [],
    changedFields: [],
    attempt: 0,
    confirmed: 0,
  });
  const [state, setState, isCurrent] = useRecordState(recordKey, initialState);

  // Rescheduling follows the stored appointment of *this* id: the first copy fills the inputs; a
  // newer one (refetch, live update) rebases the edits, never while this form's save is in flight.
  const existing = useAppointment(appointmentId);
  const loaded = appointmentId && existing.data?.id === appointmentId ? existing.data : undefined;
  if (loaded && !state.submitting) {
    if (!state.stored) {
      setState((s) => ({
        ...s,
        stored: loaded,
        patientId: loaded.patientId,
        draft: { base: detailsOf(loaded), edits: {} },
        day: loaded.start ? maxDay(dayKeyOf(loaded.start, timeZone), today) : s.day,
      }));
    } else if (newer(loaded, state.stored)) {
      setState((s) => (s.stored && newer(loaded, s.stored) ? onNewerStored(s, loaded) : s));
    }
  }

  const details = draftValues(state.draft);
  const values: AppointmentFormValues = {
    patientId: state.patientId,
    practitionerId: details.practitionerId,
    day: state.day,
    slotId: state.slotId,
    duration: state.duration,
    appointmentType: details.appointmentType as AppointmentType,
    reason: details.reason,
    comment: details.comment,
    patientInstruction: details.patientInstruction,
  };

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

  // "Next available": when the chosen day has no bookable time, the first later day that has one
  // for this practitioner (long enough for the chosen duration, in the future), so the front desk
  // is not left at a dead end.
  const dayIsEmpty = Boolean(values.practitionerId) && slotsQuery.isSuccess && slots.length === 0;
  const lookFrom = Math.max(startOfDayIn(shiftDay(validDay, 1), timeZone).getTime(), nowMs);
  const freeAhead = useQuery({
    ...appointmentQueries.freeSlots({
      practitionerId: values.practitionerId,
      dateFrom: toZonedIso(lookFrom, timeZone),
      dateTo: toZonedIso(
        startOfDayIn(shiftDay(validDay, NEXT_AVAILABLE_DAYS + 1), timeZone).getTime() - 1000,
        timeZone,
      ),
    }),
    enabled: dayIsEmpty,
  });
  const nextDay = useMemo(() => {
    const next = (freeAhead.data?.data ?? []).find(
      (slot) =>
        slot.status === 'free' &&
        millisOf(slot.start) > nowMs &&
        minutesBetween(slot.start, slot.end) >= (values.duration ?? 0),
    );
    return next ? dayKeyOf(next.start, timeZone) : undefined;
  }, [freeAhead.data, nowMs, values.duration, timeZone]);
  const nextAvailable: NextAvailable | undefined = dayIsEmpty
    ? {
        loading: freeAhead.isPending,
        day: nextDay,
        none: !freeAhead.isPending && nextDay === undefined,
        go: () => {
          if (nextDay) setField('day', nextDay);
        },
      }
    : undefined;

  // A picked time that is no longer offered (booked by someone else, past, removed) is dropped
  // and announced. While this form's own request is in flight its slot turns busy first: that is
  // the booking succeeding, not a loss (the result decides what to say).
  if (values.slotId && !selectedSlot && !state.submitting && slotsQuery.isSuccess) {
    const raw = slotsQuery.data.data.find((slot) => slot.id === values.slotId);
    const why: LostSlotReason = !raw
      ? 'gone'
      : millisOf(raw.start) <= nowMs
        ? 'past'
        : raw.status !== 'free'
          ? 'taken'
          : 'gone';
    const lost = values.slotId;
    setState((s) =>
      s.slotId === lost ? { ...s, slotId: '', outcome: { kind: 'slot-lost', why } } : s,
    );
  }

  const errors = validateValues(values, selectedSlot, state.stored, messages);
  const visibleErrors = state.showErrors && !state.submitting ? errors : {};

  const book = useBookAppointment();
  const update = useUpdateAppointment();
  const pending = state.submitting;

  function setField<K extends keyof AppointmentFormValues>(
    field: K,
    value: AppointmentFormValues[K],
  ) {
    setState((s) => {
      const outcome =
        s.outcome?.kind === 'done' ||
        (field === 'slotId' && value && s.outcome?.kind === 'slot-lost')
          ? undefined
          : s.outcome;
      const next: FormState = { ...s, outcome };
      if (field === 'patientId') next.patientId = value as string;
      else if (field === 'day') next.day = value as string;
      else if (field === 'slotId') next.slotId = value as string;
      else if (field === 'duration') {
        next.duration = value as number | undefined;
        // A length the picked slot cannot hold un-picks it (the user's own change, not a loss).
        const picked = slotsQuery.data?.data.find((slot) => slot.id === s.slotId);
        if (picked && next.duration && minutesBetween(picked.start, picked.end) < next.duration)
          next.slotId = '';
      } else next.draft = editField(s.draft, field as DetailField, String(value ?? ''));
      // Another practitioner or day means other slots.
      if (field === 'practitionerId' || field === 'day') next.slotId = '';
      return next;
    });
  }

  /** Refused before sending: show the errors and move focus to the announcement. */
  const refuse = (outcome?: Outcome) =>
    setState((s) => ({
      ...s,
      showErrors: true,
      attempt: s.attempt + 1,
      outcome:
        outcome ??
        (s.outcome?.kind === 'failed' || s.outcome?.kind === 'done' ? undefined : s.outcome),
    }));

  async function submit(): Promise<Appointment | undefined> {
    // Everything below is computed from this render's record and sent to it only.
    const key = recordKey;
    const { stored, draft } = state;
    if (state.submitting || !isCurrent(key)) return undefined;
    // Pressed again after booking with nothing changed since (a repeated Enter, the button still
    // under the finger): the booking stands and stays announced; it is not "a time missing".
    if (state.outcome?.kind === 'done' && !values.slotId) return undefined;
    // The request's target and the data's origin are checked together: an appointment is only
    // moved from the copy read for it, a booking only made for the patient the form was opened for.
    if (appointmentId && stored?.id !== appointmentId) return undefined;
    if (!appointmentId && patientId !== undefined && values.patientId !== patientId)
      return undefined;
    if (stored && FINAL.has(stored.status)) {
      refuse({ kind: 'not-reschedulable' });
      return undefined;
    }
    if (Object.keys(errors).length > 0 || !selectedSlot) {
      refuse();
      return undefined;
    }
    const minutes = values.duration ?? minutesBetween(selectedSlot.start, selectedSlot.end);
    const timing = {
      slotId: selectedSlot.id,
      start: toZonedIso(selectedSlot.start, timeZone),
      end: toZonedIso(addMinutes(selectedSlot.start, minutes), timeZone),
      minutesDuration: minutes,
    };

    setState((s) => ({ ...s, submitting: true, showErrors: false, outcome: undefined }));
    try {
      let appointment: Appointment;
      if (appointmentId && stored) {
        appointment = await update.mutateAsync({
          id: appointmentId,
          base: stored,
          patch: reschedulePatch(draft, stored, timing),
        });
      } else {
        appointment = await book.mutateAsync(
          dropUndefined({
            status: 'booked',
            patientId: values.patientId,
            practitionerId: values.practitionerId,
            ...timing,
            appointmentType: values.appointmentType,
            reasonCode: optional(values.reason),
            comment: optional(values.comment),
            patientInstruction: optional(values.patientInstruction),
          }) as AppointmentCreate,
        );
      }
      setState((s) => ({
        ...s,
        submitting: false,
        showErrors: false,
        slotId: '',
        outcome: { kind: 'done', appointment },
        confirmed: s.confirmed + 1,
        ...(appointmentId
          ? {
              stored: appointment,
              draft: { base: detailsOf(appointment), edits: {} },
              conflictFields: [],
              changedFields: [],
            }
          : {}),
      }));
      if (!isCurrent(key)) return undefined;
      onBooked?.(appointment);
      return appointment;
    } catch (error) {
      if (error instanceof RecordChangedError) {
        const latest = error.latest as Appointment;
        setState((s) => ({
          ...onNewerStored(s, latest),
          submitting: false,
          outcome: FINAL.has(latest.status) ? { kind: 'not-reschedulable' } : { kind: 'changed' },
          attempt: s.attempt + 1,
        }));
      } else if (
        error instanceof ClinikConflictError &&
        !(error instanceof ClinikPreconditionFailedError)
      ) {
        // 409: the slot was taken between display and submit; the times are refreshed.
        setState((s) => ({
          ...s,
          submitting: false,
          slotId: '',
          outcome: { kind: 'slot-lost', why: 'taken' },
          attempt: s.attempt + 1,
        }));
      } else {
        // Anything else: keep every entry as typed and say so.
        setState((s) => ({
          ...s,
          submitting: false,
          outcome: { kind: 'failed' },
          attempt: s.attempt + 1,
        }));
      }
      return undefined;
    }
  }

  const outcome = state.outcome;
  const statusLabel = state.stored ? messages.statusLabels[state.stored.status] : '';
  const lostMessages: Record<LostSlotReason, string> = {
    taken: messages.slotTaken,
    past: messages.slotPassed,
    gone: messages.slotGone,
  };
  const alert =
    outcome?.kind === 'not-reschedulable'
      ? messages.cannotReschedule(statusLabel)
      : outcome?.kind === 'changed'
        ? messages.appointmentChanged
        : outcome?.kind === 'slot-lost'
          ? lostMessages[outcome.why]
          : outcome?.kind === 'failed'
            ? messages.bookFailed
            : state.showErrors && !state.submitting && Object.keys(errors).length > 0
              ? messages.formHasErrors
              : undefined;
  const doneAppointment = outcome?.kind === 'done' ? outcome.appointment : undefined;
  const format = { timeZone, locale: clinik.locale };
  const success = doneAppointment?.start
    ? (rescheduling ? messages.rescheduled : messages.booked)(
        formatDateTime(doneAppointment.start, format),
      )
    : undefined;

  // Names of the practitioners in a practitioner conflict (theirs and yours).
  const practitionerConflict = state.conflictFields.includes('practitionerId');
  const theirPractitioner = useQuery({
    ...appointmentQueries.practitioner(state.draft.base.practitionerId),
    enabled: practitionerConflict && Boolean(state.draft.base.practitionerId),
  });
  const yourPractitioner = useQuery({
    ...appointmentQueries.practitioner(details.practitionerId),
    enabled: practitionerConflict && Boolean(details.practitionerId),
  });

  const labels: Record<AppointmentChangeField, string> = {
    time: messages.time,
    status: messages.status,
    practitionerId: messages.practitioner,
    appointmentType: messages.appointmentType,
    reason: messages.reason,
    comment: messages.note,
    patientInstruction: messages.patientInstructions,
  };
  const shown = (field: DetailField, value: string) => {
    if (!value) return messages.emptyValue;
    if (field === 'appointmentType') return messages.typeLabel(value as AppointmentType);
    if (field === 'practitionerId') {
      const name =
        value === state.draft.base.practitionerId
          ? theirPractitioner.data?.fullName
          : yourPractitioner.data?.fullName;
      return name ?? value;
    }
    return value;
  };
  const storedTime = state.stored?.start
    ? formatDateTime(state.stored.start, format)
    : messages.emptyValue;
  const conflicts: AppointmentConflict[] = state.conflictFields.flatMap(
    (field): AppointmentConflict[] => {
      if (field === 'status') return [];
      if (field === 'time') {
        return [
          {
            field,
            label: labels.time,
            theirs: storedTime,
            yours: selectedSlot ? formatDateTime(selectedSlot.start, format) : messages.emptyValue,
            canKeepStored: false,
          },
        ];
      }
      const yours = state.draft.edits[field];
      if (yours === undefined) return [];
      return [
        {
          field,
          label: labels[field],
          theirs: shown(field, state.draft.base[field]),
          yours: shown(field, yours),
          canKeepStored: true,
        },
      ];
    },
  );
  const changedElsewhere =
    state.changedFields.length > 0
      ? messages.changedElsewhere(state.changedFields.map((field) => labels[field]).join(', '))
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
    /** Set when the chosen day has no free time: the next day that has one. */
    nextAvailable,
    slotLabels,
    slotsQuery,
    selectedSlot,
    errors: visibleErrors,
    /** A form-level problem to announce (validation, a time taken or passed, a conflict, failure). */
    alert,
    /** Increases on every refused or failed submit: move focus to the alert then. */
    alertFocusRequest: state.attempt,
    /** Set after a successful booking. */
    success,
    /** Increases on every successful submit: move focus to the confirmation then. */
    successFocusRequest: state.confirmed,
    /** The picked time was lost, or (rescheduling) someone else changed the appointment first. */
    conflict:
      outcome?.kind === 'slot-lost' ||
      outcome?.kind === 'changed' ||
      outcome?.kind === 'not-reschedulable',
    /** Rescheduling: fields edited here that someone else changed too (theirs and yours). */
    conflicts,
    /** Rescheduling: the appointment changed elsewhere while open; says what changed. */
    changedElsewhere,
    /** Drops the user's edit of a conflicting field, keeping the stored value. */
    keepStored: (field: AppointmentChangeField) =>
      setState((s) =>
        field === 'time' || field === 'status'
          ? s
          : {
              ...s,
              draft: discardEdit(s.draft, field),
              conflictFields: s.conflictFields.filter((f) => f !== field),
            },
      ),
    /** This form's own request is in flight. */
    pending,
    rescheduling,
    loadingExisting: rescheduling && !state.stored && !existing.isError,
    loadExistingFailed: rescheduling && !state.stored && existing.isError,
    retryLoad: () => void existing.refetch(),
    submit,
  };
}

export type AppointmentFormState = ReturnType<typeof useAppointmentForm>;

/** A reschedule sends the new time and only the other fields the user changed. */
function reschedulePatch(
  draft: Draft<DetailValues>,
  stored: Appointment,
  timing: Pick<AppointmentPatch, 'slotId' | 'start' | 'end' | 'minutesDuration'>,
): AppointmentPatch {
  const patch: AppointmentPatch = { ...timing };
  const { edits } = draft;
  if (edits.practitionerId !== undefined && edits.practitionerId !== stored.practitionerId)
    patch.practitionerId = edits.practitionerId;
  if (edits.appointmentType !== undefined && edits.appointmentType !== stored.appointmentType)
    patch.appointmentType = edits.appointmentType as AppointmentType;
  const text = [
    ['reason', 'reasonCode'],
    ['comment', 'comment'],
    ['patientInstruction', 'patientInstruction'],
  ] as const;
  for (const [field, key] of text) {
    const edit = edits[field];
    if (edit === undefined || edit.trim() === (stored[key] ?? '')) continue;
    patch[key] = edit.trim();
  }
  return patch;
}

function validateValues(
  values: AppointmentFormValues,
  selectedSlot: Slot | undefined,
  stored: Appointment | undefined,
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
  // The API keeps a reason once given (it cannot be emptied); say so instead of keeping it silently.
  if (stored?.reasonCode && !values.reason.trim())
    errors.reason = messages.cannotClear(messages.reason);
  return errors;
}

const maxDay = (a: DayKey, b: DayKey) => (a > b ? a : b);

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
