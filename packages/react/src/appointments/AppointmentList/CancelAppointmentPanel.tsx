'use client';
import type { Appointment, AppointmentStatus } from '@clinikapi/core';
import { useEffect, useRef } from 'react';
import { FormField } from '../../form/FormField.js';
import { RecordChangedError } from '../../form/guardedUpdate.js';
import { useRecordState } from '../../form/recordState.js';
import { useClinik } from '../../provider/context.js';
import { formatDateTime } from '../../time/format.js';
import type { AppointmentMessages } from '../appointmentMessages.js';
import { useCancelAppointment } from '../useAppointmentQueries.js';
import { usePracticeZone } from '../usePracticeZone.js';

/** Statuses from which an appointment can still be cancelled. */
export const CANCELLABLE: ReadonlySet<AppointmentStatus> = new Set([
  'proposed',
  'pending',
  'booked',
  'arrived',
  'checked-in',
  'waitlist',
]);

export interface CancelAppointmentPanelProps {
  /**
   * The appointment as the user saw it (e.g. the list row). Only this version is cancelled: when
   * it changed meanwhile, the panel says what it is now and asks again. The panel follows
   * `appointment.id`: a reason typed for another appointment is dropped.
   */
  appointment: Appointment;
  messages: AppointmentMessages;
  /** IANA zone times are described in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** Called after the cancellation was stored, or when the user keeps (or closes) it. */
  onDone: (cancelled: boolean) => void;
}

interface PanelState {
  reason: string;
  /** The version a confirmation applies to: the one shown, then the latest the user was told of. */
  base: Appointment;
  /** Set when the appointment changed after it was shown (the latest copy). */
  changed: Appointment | undefined;
  submitting: boolean;
  failed: boolean;
  /** Counts answers to announce by moving focus to them. */
  attempt: number;
}

/** Asks for a reason, then cancels (status `cancelled`, `cancelationReason`) the version shown. */
export function CancelAppointmentPanel({
  appointment,
  messages,
  timeZone: zoneProp,
  onDone,
}: CancelAppointmentPanelProps) {
  const clinik = useClinik();
  const timeZone = usePracticeZone(zoneProp);
  const key = `appointment:${appointment.id}`;
  const [state, setState, isCurrent] = useRecordState<PanelState>(key, () => ({
    reason: '',
    base: appointment,
    changed: undefined,
    submitting: false,
    failed: false,
    attempt: 0,
  }));
  const cancel = useCancelAppointment();
  const inputRef = useRef<HTMLInputElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  useEffect(() => {
    if (state.attempt > 0) messageRef.current?.focus();
  }, [state.attempt]);

  const latest = state.changed;
  const describe = (a: Appointment) =>
    [
      messages.statusLabels[a.status],
      a.start ? formatDateTime(a.start, { timeZone, locale: clinik.locale }) : '',
    ]
      .filter(Boolean)
      .join(', ');
  const finished = latest !== undefined && !CANCELLABLE.has(latest.status);
  const notice = !latest
    ? state.failed
      ? messages.cancelFailed
      : undefined
    : latest.status === 'cancelled'
      ? messages.alreadyCancelled(describe(latest))
      : finished
        ? messages.cannotCancel(describe(latest))
        : messages.cancelChanged(describe(latest));

  const submit = async () => {
    const id = appointment.id;
    const { base, reason } = state;
    if (state.submitting || finished || !isCurrent(key) || base.id !== id) return;
    setState((s) => ({ ...s, submitting: true, failed: false }));
    try {
      await cancel.mutateAsync({ id, reason, base });
      setState((s) => ({ ...s, submitting: false }));
      if (isCurrent(key)) onDone(true);
    } catch (error) {
      if (error instanceof RecordChangedError) {
        const now = error.latest as Appointment;
        // A confirmation from here on applies to the version just described, and only to it.
        setState((s) => ({
          ...s,
          submitting: false,
          base: now,
          changed: now,
          attempt: s.attempt + 1,
        }));
      } else {
        setState((s) => ({ ...s, submitting: false, failed: true, attempt: s.attempt + 1 }));
      }
    }
  };

  return (
    <form
      className="ck-cancel-panel"
      noValidate
      aria-busy={state.submitting || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <FormField label={messages.cancelReason}>
        <input
          ref={inputRef}
          type="text"
          maxLength={500}
          value={state.reason}
          onChange={(e) => {
            const reason = e.target.value;
            setState((s) => ({ ...s, reason }));
          }}
        />
      </FormField>
      <div ref={messageRef} role="alert" tabIndex={-1} className="ck-error-text">
        {notice}
      </div>
      <div className="ck-actions">
        {finished ? null : (
          // aria-disabled, not disabled: the pressed button keeps focus while the request runs.
          <button
            type="submit"
            className="ck-button ck-button--danger"
            aria-disabled={state.submitting || undefined}
          >
            {latest ? messages.cancelAnyway : messages.confirmCancel}
          </button>
        )}
        <button type="button" className="ck-button" onClick={() => onDone(false)}>
          {finished ? messages.close : messages.keepAppointment}
        </button>
      </div>
    </form>
  );
}
