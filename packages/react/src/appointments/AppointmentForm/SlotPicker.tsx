'use client';
import type { Slot } from '@clinikapi/core';
import { useId } from 'react';
import { formatOffset, formatTime } from '../../time/format.js';
import { crossesMidnight } from '../../time/slots.js';
import { dayBoundsIn, isDayKey } from '../../time/zone.js';
import type { AppointmentFormState } from './useAppointmentForm.js';

export interface SlotPickerProps {
  form: AppointmentFormState;
}

/**
 * The free times of the chosen day as buttons named by their start time in the practice zone.
 * Native buttons with `aria-pressed`: Tab reaches them, Space/Enter picks one.
 */
export function SlotPicker({ form }: SlotPickerProps) {
  const { messages, slots, slotLabels, slotsQuery, values, timeZone, locale } = form;
  const hintId = useId();
  const errorId = useId();
  const error = form.errors.slotId;
  // On a clock-change day the offset differs at its start and end: show both.
  const day = isDayKey(values.day) ? values.day : form.today;
  const { start, end } = dayBoundsIn(day, timeZone);
  const offsets = [
    ...new Set([start, end.getTime() - 1].map((t) => formatOffset(t, { timeZone, locale }))),
  ];
  const offset = offsets.join(' → ');
  let body: React.ReactNode;
  if (!values.practitionerId) body = <p className="ck-muted">{messages.choosePractitionerFirst}</p>;
  else if (slotsQuery.isPending) body = <p className="ck-muted">{messages.loadingTimes}</p>;
  else if (slotsQuery.isError) body = <p className="ck-error-text">{messages.loadTimesFailed}</p>;
  else if (slots.length === 0) body = <p className="ck-muted">{messages.noTimes}</p>;
  else
    body = (
      <div className="ck-slots">
        {slots.map((slot: Slot) => {
          const selected = slot.id === values.slotId;
          const nextDay = crossesMidnight(slot, timeZone);
          return (
            <button
              key={slot.id}
              type="button"
              className="ck-slot"
              aria-pressed={selected}
              data-state={selected ? 'on' : 'off'}
              data-crosses-midnight={nextDay ? '' : undefined}
              title={
                nextDay
                  ? messages.endsNextDay(formatTime(slot.end, { timeZone, locale }))
                  : undefined
              }
              onClick={() => form.setField('slotId', selected ? '' : slot.id)}
            >
              {slotLabels.get(slot.id)}
            </button>
          );
        })}
      </div>
    );
  return (
    <fieldset
      className="ck-fieldset"
      aria-describedby={error ? `${hintId} ${errorId}` : hintId}
      aria-busy={slotsQuery.isFetching || undefined}
      data-invalid={error ? '' : undefined}
    >
      <legend>{messages.availableTimes}</legend>
      <p id={hintId} className="ck-muted">
        {messages.timesInZone(timeZone, offset)}
      </p>
      {body}
      {error ? (
        <p id={errorId} className="ck-field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
