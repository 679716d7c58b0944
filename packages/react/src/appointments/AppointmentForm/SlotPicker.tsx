'use client';
import type { Slot } from '@clinikapi/core';
import { useEffect, useId, useRef } from 'react';
import { formatDay, formatOffsetsOver, formatTime, formatZoneName } from '../../time/format.js';
import { crossesMidnight } from '../../time/slots.js';
import { isDayKey, startOfDayIn } from '../../time/zone.js';
import { type AppointmentFormState, NEXT_AVAILABLE_DAYS } from './useAppointmentForm.js';

export interface SlotPickerProps {
  form: AppointmentFormState;
}

/**
 * The free times of the chosen day as buttons named by their start time in the practice zone.
 * Native buttons with `aria-pressed`: Tab reaches them, Space/Enter picks one.
 */
export function SlotPicker({ form }: SlotPickerProps) {
  const { messages, slots, slotLabels, slotsQuery, values, timeZone, locale, nextAvailable } = form;
  const hintId = useId();
  // After "Next available", focus the new day's first time (the button itself is gone).
  const jumped = useRef(false);
  const firstSlot = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (jumped.current && slots.length > 0) {
      jumped.current = false;
      firstSlot.current?.focus();
    }
  }, [slots]);
  const errorId = useId();
  const error = form.errors.slotId;
  // On a clock-change day the offset differs at its start and end: show both.
  const day = isDayKey(values.day) ? values.day : form.today;
  const offset = formatOffsetsOver(day, day, { timeZone, locale });
  const zoneName = formatZoneName(timeZone, locale, startOfDayIn(day, timeZone));
  let body: React.ReactNode;
  if (!values.practitionerId) body = <p className="ck-muted">{messages.choosePractitionerFirst}</p>;
  else if (slotsQuery.isPending) body = <p className="ck-muted">{messages.loadingTimes}</p>;
  else if (slotsQuery.isError) body = <p className="ck-error-text">{messages.loadTimesFailed}</p>;
  else if (slots.length === 0)
    body = (
      <div className="ck-no-times">
        <p className="ck-muted">{messages.noTimes}</p>
        {nextAvailable?.loading ? (
          <p className="ck-muted" role="status">
            {messages.findingNextAvailable}
          </p>
        ) : nextAvailable?.day ? (
          <button
            type="button"
            className="ck-button"
            data-next-available={nextAvailable.day}
            onClick={() => {
              jumped.current = true;
              nextAvailable.go();
            }}
          >
            {messages.nextAvailable(formatDay(nextAvailable.day, locale))}
          </button>
        ) : nextAvailable?.none ? (
          <p className="ck-muted">{messages.noTimesAhead(NEXT_AVAILABLE_DAYS)}</p>
        ) : null}
      </div>
    );
  else
    body = (
      <div className="ck-slots">
        {slots.map((slot: Slot, i) => {
          const selected = slot.id === values.slotId;
          const nextDay = crossesMidnight(slot, timeZone);
          return (
            <button
              key={slot.id}
              ref={i === 0 ? firstSlot : undefined}
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
        {messages.timesInZone(zoneName, offset, timeZone)}
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
