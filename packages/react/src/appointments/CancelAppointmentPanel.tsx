'use client';
import { useEffect, useRef, useState } from 'react';
import type { AppointmentMessages } from './appointmentMessages.js';
import { FormField } from './FormField.js';
import { useCancelAppointment } from './useAppointmentQueries.js';

export interface CancelAppointmentPanelProps {
  appointmentId: string;
  messages: AppointmentMessages;
  /** Called after the cancellation was stored, or when the user keeps the appointment. */
  onDone: (cancelled: boolean) => void;
}

/** Asks for a reason, then cancels (status `cancelled`, `cancelationReason`). */
export function CancelAppointmentPanel({
  appointmentId,
  messages,
  onDone,
}: CancelAppointmentPanelProps) {
  const [reason, setReason] = useState('');
  const cancel = useCancelAppointment();
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);
  return (
    <form
      className="ck-cancel-panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        cancel.mutate({ id: appointmentId, reason }, { onSuccess: () => onDone(true) });
      }}
    >
      <FormField label={messages.cancelReason}>
        <input
          ref={inputRef}
          type="text"
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </FormField>
      {cancel.isError ? (
        <p role="alert" className="ck-error-text">
          {messages.cancelFailed}
        </p>
      ) : null}
      <div className="ck-actions">
        <button type="submit" className="ck-button ck-button--danger" disabled={cancel.isPending}>
          {messages.confirmCancel}
        </button>
        <button type="button" className="ck-button" onClick={() => onDone(false)}>
          {messages.keepAppointment}
        </button>
      </div>
    </form>
  );
}
