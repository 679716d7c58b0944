import type { AppointmentStatus } from '@clinikapi/core';
import type { AppointmentMessages } from './appointmentMessages.js';

/** An appointment status as a text badge; `data-status` lets themes colour it. */
export function StatusBadge({
  status,
  messages,
}: {
  status: AppointmentStatus;
  messages: AppointmentMessages;
}) {
  return (
    <span className="ck-badge" data-status={status}>
      {messages.statusLabels[status]}
    </span>
  );
}
