'use client';
import type { Appointment } from '@clinikapi/core';
import { useRef, useState } from 'react';
import { formatTime, formatTimeRange } from '../../time/format.js';
import { AppointmentForm } from '../AppointmentForm/AppointmentForm.js';
import type { AppointmentMessages } from '../appointmentMessages.js';
import { StatusBadge } from '../StatusBadge.js';
import { CANCELLABLE, CancelAppointmentPanel } from './CancelAppointmentPanel.js';

export interface AppointmentListItemProps {
  appointment: Appointment;
  practitionerName: string | undefined;
  timeZone: string;
  locale: string;
  messages: AppointmentMessages;
  /** Offer cancel and reschedule. */
  actionable: boolean;
  /** Replaces the built-in inline reschedule form. */
  onReschedule?: ((appointment: Appointment) => void) | undefined;
}

/** One appointment: time range in the zone, status, who and why, and its actions. */
export function AppointmentListItem({
  appointment,
  practitionerName,
  timeZone,
  locale,
  messages,
  actionable,
  onReschedule,
}: AppointmentListItemProps) {
  const [panel, setPanel] = useState<'cancel' | 'reschedule' | undefined>();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const format = { timeZone, locale };
  const { start, end } = appointment;
  // A repeated wall time (fall-back night) names its zone, and then both ends do.
  const range =
    start && end ? formatTimeRange(start, end, format) : start ? formatTime(start, format) : '';
  const canAct = actionable && CANCELLABLE.has(appointment.status);
  return (
    <li className="ck-appointment" data-status={appointment.status}>
      <div className="ck-appointment-summary">
        <span className="ck-appointment-time">{range}</span>
        <StatusBadge status={appointment.status} messages={messages} />
        {practitionerName ? <span>{practitionerName}</span> : null}
        {appointment.appointmentType ? (
          <span>{messages.typeLabel(appointment.appointmentType)}</span>
        ) : null}
        {appointment.reasonCode ? <span className="ck-muted">{appointment.reasonCode}</span> : null}
        {appointment.cancelationReason ? (
          <span className="ck-muted">{appointment.cancelationReason}</span>
        ) : null}
      </div>
      {canAct && !panel ? (
        <div className="ck-actions">
          <button
            type="button"
            className="ck-button"
            onClick={() => (onReschedule ? onReschedule(appointment) : setPanel('reschedule'))}
          >
            {messages.reschedule}
          </button>
          <button
            ref={cancelButton}
            type="button"
            className="ck-button"
            onClick={() => setPanel('cancel')}
          >
            {messages.cancelAppointment}
          </button>
        </div>
      ) : null}
      {panel === 'cancel' ? (
        <CancelAppointmentPanel
          appointment={appointment}
          timeZone={timeZone}
          messages={messages}
          onDone={(cancelled) => {
            setPanel(undefined);
            if (!cancelled) requestAnimationFrame(() => cancelButton.current?.focus());
          }}
        />
      ) : null}
      {panel === 'reschedule' ? (
        <div className="ck-reschedule-panel">
          <AppointmentForm
            appointmentId={appointment.id}
            timeZone={timeZone}
            messages={messages}
            onBooked={() => setPanel(undefined)}
          />
          <button type="button" className="ck-button" onClick={() => setPanel(undefined)}>
            {messages.closeReschedule}
          </button>
        </div>
      ) : null}
    </li>
  );
}
