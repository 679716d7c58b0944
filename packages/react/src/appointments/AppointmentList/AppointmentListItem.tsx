'use client';
import type { Appointment } from '@clinikapi/core';
import { useRef, useState } from 'react';
import { formatDateTime, formatTime, formatTimeRange } from '../../time/format.js';
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
  /** Confirms a stored change (cancelled, moved) where the list shows it; it takes focus. */
  onAnnounce?: ((text: string) => void) | undefined;
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
  onAnnounce,
}: AppointmentListItemProps) {
  const [panel, setPanel] = useState<'cancel' | 'reschedule' | undefined>();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const rescheduleButton = useRef<HTMLButtonElement>(null);
  // Back to the button that opened a panel, once the panel is gone and the button is back.
  const refocus = (button: { current: HTMLButtonElement | null }) =>
    requestAnimationFrame(() => button.current?.focus());
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
            ref={rescheduleButton}
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
            if (!cancelled) refocus(cancelButton);
            else
              onAnnounce?.(
                messages.appointmentCancelled(start ? formatDateTime(start, format) : range),
              );
          }}
        />
      ) : null}
      {panel === 'reschedule' ? (
        <div className="ck-reschedule-panel">
          <AppointmentForm
            appointmentId={appointment.id}
            timeZone={timeZone}
            messages={messages}
            onBooked={(moved) => {
              setPanel(undefined);
              if (moved.start)
                onAnnounce?.(messages.rescheduled(formatDateTime(moved.start, format)));
            }}
          />
          <button
            type="button"
            className="ck-button"
            onClick={() => {
              setPanel(undefined);
              refocus(rescheduleButton);
            }}
          >
            {messages.closeReschedule}
          </button>
        </div>
      ) : null}
    </li>
  );
}
