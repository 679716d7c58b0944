'use client';
import type { Appointment, Slot } from '@clinikapi/core';
import { useQuery } from '@tanstack/react-query';
import { forwardRef, type HTMLAttributes, useId, useMemo, useRef, useState } from 'react';
import { LoadFailed } from '../../list/LoadFailed.js';
import { useClinik } from '../../provider/context.js';
import {
  formatDay,
  formatOffsetsOver,
  formatTimeRange,
  formatZoneName,
} from '../../time/format.js';
import {
  type DayKey,
  hoursInDay,
  shiftDay,
  startOfDayIn,
  todayIn,
  weekOf,
} from '../../time/zone.js';
import { cx } from '../../ui/cx.js';
import { type AppointmentMessages, appointmentMessages } from '../appointmentMessages.js';
import { appointmentQueries, RANGE_LIMIT } from '../appointmentQueries.js';
import { StatusBadge } from '../StatusBadge.js';
import { useAppointmentsInRange, useSlots } from '../useAppointmentQueries.js';
import { usePracticeZone } from '../usePracticeZone.js';
import { type AgendaEntry, agendaDays } from './agendaEntries.js';
import { useAgendaNavigation } from './useAgendaNavigation.js';

export type AgendaView = 'day' | 'week';

export interface AppointmentAgendaProps extends HTMLAttributes<HTMLElement> {
  practitionerId: string;
  /** IANA zone of the practice. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** First view shown. Defaults to `week`. */
  defaultView?: AgendaView | undefined;
  /** Day shown first (`YYYY-MM-DD` in `timeZone`). Defaults to today there. */
  defaultDay?: DayKey | undefined;
  /** First day of the week: 0 Sunday ... 6 Saturday. Defaults to 1 (Monday). */
  weekStartsOn?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | undefined;
  /** A free slot was chosen (e.g. open the booking form at that time). */
  onSelectSlot?: ((slot: Slot) => void) | undefined;
  /** An appointment was chosen. */
  onSelectAppointment?: ((appointment: Appointment) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<AppointmentMessages> | undefined;
}

/**
 * A day or week of one practitioner's schedule: free and busy slots and appointments, by day in
 * the practice zone (23- and 25-hour days included).
 *
 * Keyboard (WAI-ARIA listbox per day, one Tab stop for the agenda): Up/Down within a day,
 * Home/End to its first/last entry, Left/Right or Page Up/Page Down to the previous/next day,
 * Enter or Space chooses. Only entries that do something can be chosen (free times with
 * `onSelectSlot`, appointments with `onSelectAppointment`); the others are `aria-disabled`, and the
 * key instructions (read through `aria-describedby`) mention Enter only for what can be chosen.
 * Today's heading says "Today" and carries `aria-current="date"`. After "Retry" focus moves to the
 * agenda's heading.
 */
export const AppointmentAgenda = forwardRef<HTMLElement, AppointmentAgendaProps>(
  function AppointmentAgenda(
    {
      practitionerId,
      timeZone: zoneProp,
      defaultView = 'week',
      defaultDay,
      weekStartsOn = 1,
      onSelectSlot,
      onSelectAppointment,
      messages: overrides,
      className,
      ...rest
    },
    ref,
  ) {
    const clinik = useClinik();
    const timeZone = usePracticeZone(zoneProp);
    const locale = clinik.locale;
    const messages = appointmentMessages(overrides);
    const today = todayIn(timeZone, clinik.now());
    const [view, setView] = useState<AgendaView>(defaultView);
    const [day, setDay] = useState<DayKey>(defaultDay ?? today);
    const days = view === 'week' ? weekOf(day, weekStartsOn) : [day];
    const first = days[0] ?? day;
    const last = days[days.length - 1] ?? day;
    const range = {
      from: startOfDayIn(first, timeZone),
      to: startOfDayIn(shiftDay(last, 1), timeZone).getTime() - 1000,
      timeZone,
    };
    const slots = useSlots({ practitionerId, ...range });
    const appointments = useAppointmentsInRange({ practitionerId, ...range, sort: 'date' });
    const practitioner = useQuery(appointmentQueries.practitioner(practitionerId));
    const headingId = useId();
    const headingRef = useRef<HTMLHeadingElement>(null);
    const helpId = useId();
    const dayHeadingId = useId();
    const [chosen, setChosen] = useState<string | undefined>();

    const daysKey = days.join(',');
    const groups = useMemo(
      () =>
        agendaDays(
          daysKey.split(','),
          slots.data?.data ?? [],
          appointments.data?.data ?? [],
          timeZone,
        ),
      [daysKey, slots.data, appointments.data, timeZone],
    );
    const dayStarts: number[] = [];
    const flat: AgendaEntry[] = [];
    for (const group of groups) {
      if (group.items.length > 0) dayStarts.push(flat.length);
      flat.push(...group.items);
    }
    const actionable = (entry: AgendaEntry | undefined) =>
      entry?.kind === 'slot'
        ? entry.slot.status === 'free' && onSelectSlot !== undefined
        : entry?.kind === 'appointment' && onSelectAppointment !== undefined;
    const navigation = useAgendaNavigation(dayStarts, flat.length, {
      canChoose: (i) => actionable(flat[i]),
      onChoose: (i) => {
        const entry = flat[i];
        if (!entry) return;
        setChosen(entry.id);
        if (entry.kind === 'slot') onSelectSlot?.(entry.slot);
        else onSelectAppointment?.(entry.appointment);
      },
    });
    const help = [
      messages.agendaHelp,
      onSelectSlot ? messages.agendaChooseSlot : '',
      onSelectAppointment ? messages.agendaOpenAppointment : '',
    ]
      .filter(Boolean)
      .join(' ');
    const step = view === 'week' ? 7 : 1;
    const format = { timeZone, locale };
    const rangeLabel =
      first === last
        ? formatDay(first, locale)
        : `${formatDay(first, locale, 'short')} – ${formatDay(last, locale, 'short')}`;
    const loading = slots.isPending || appointments.isPending;
    const failed = slots.isError || appointments.isError;

    let index = 0;
    return (
      <section
        ref={ref}
        aria-labelledby={headingId}
        aria-busy={slots.isFetching || appointments.isFetching || undefined}
        className={cx('ck-agenda', className)}
        data-view={view}
        {...rest}
      >
        <div className="ck-agenda-header">
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {messages.agenda(practitioner.data?.fullName ?? practitionerId)}
          </h2>
          <div className="ck-actions">
            {(['day', 'week'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className="ck-button"
                aria-pressed={view === option}
                onClick={() => setView(option)}
              >
                {messages[option]}
              </button>
            ))}
            <button
              type="button"
              className="ck-button"
              onClick={() => setDay(shiftDay(day, -step))}
            >
              {messages.previous}
            </button>
            <button type="button" className="ck-button" onClick={() => setDay(today)}>
              {messages.today}
            </button>
            <button type="button" className="ck-button" onClick={() => setDay(shiftDay(day, step))}>
              {messages.next}
            </button>
          </div>
          <p aria-live="polite" className="ck-agenda-range">
            {rangeLabel} ·{' '}
            {messages.timesInZone(
              formatZoneName(timeZone, locale, range.from),
              // A week across a clock change names every offset in it, in order.
              formatOffsetsOver(first, last, format),
              timeZone,
            )}
          </p>
        </div>
        <p id={helpId} className="ck-muted">
          {help}
        </p>
        {loading ? <p role="status">{messages.loadingAppointments}</p> : null}
        {slots.data?.hasMore || appointments.data?.hasMore ? (
          <p className="ck-muted">{messages.truncated(RANGE_LIMIT)}</p>
        ) : null}
        {failed ? (
          <LoadFailed
            message={messages.loadAppointmentsFailed}
            retryLabel={messages.retry}
            queries={[slots, appointments]}
            focusAfterRetry={headingRef}
          />
        ) : null}
        <div className="ck-agenda-days">
          {groups.map((group, dayIndex) => {
            const hours = hoursInDay(group.day, timeZone);
            const free = group.items.filter(
              (e) => e.kind === 'slot' && e.slot.status === 'free',
            ).length;
            const isToday = group.day === today;
            const dayHeading = `${dayHeadingId}-${dayIndex}`;
            return (
              <section
                key={group.day}
                aria-label={formatDay(group.day, locale)}
                className="ck-agenda-day"
                data-today={isToday ? '' : undefined}
              >
                <h3 id={dayHeading} aria-current={isToday ? 'date' : undefined}>
                  {formatDay(group.day, locale)}
                  {isToday ? (
                    <>
                      {' · '}
                      <span className="ck-agenda-today">{messages.today}</span>
                    </>
                  ) : null}{' '}
                  <span className="ck-muted">{messages.freeCount(free)}</span>
                </h3>
                {hours !== 24 ? (
                  <p className="ck-agenda-dst">{messages.clockChange(hours)}</p>
                ) : null}
                {group.items.length === 0 && !loading ? (
                  <p className="ck-muted">{messages.noSlots}</p>
                ) : null}
                {group.items.length > 0 ? (
                  <div role="listbox" aria-labelledby={dayHeading} aria-describedby={helpId}>
                    {group.items.map((entry) => {
                      const i = index++;
                      const canChoose = actionable(entry);
                      const item = navigation.itemProps(i);
                      return (
                        <div
                          key={entry.id}
                          role="option"
                          aria-selected={entry.id === chosen}
                          aria-disabled={canChoose ? undefined : true}
                          className="ck-agenda-entry"
                          data-kind={entry.kind}
                          data-status={entryStatus(entry)}
                          data-actionable={canChoose ? '' : undefined}
                          {...item}
                          tabIndex={item.tabIndex}
                        >
                          <EntryContent
                            entry={entry}
                            format={format}
                            messages={messages}
                            withZone={hours !== 24}
                          />
                        </div>
                      );
                    })}
                  </div>
                ) : null}
              </section>
            );
          })}
        </div>
      </section>
    );
  },
);

function entryStatus(entry: AgendaEntry): string {
  return entry.kind === 'slot' ? entry.slot.status : entry.appointment.status;
}

function EntryContent({
  entry,
  format,
  messages,
  withZone,
}: {
  entry: AgendaEntry;
  /** On clock-change days name the zone on both ends of every entry (EDT/EST, GMT+1/GMT+2). */
  withZone: boolean;
  format: { timeZone: string; locale: string };
  messages: AppointmentMessages;
}) {
  // Repeated wall times always name their zone; on clock-change days every entry does, on both ends.
  const times = formatTimeRange(entry.start, entry.end, format, withZone ? true : 'auto');
  return (
    <>
      <span className="ck-agenda-time">{times}</span>{' '}
      {entry.kind === 'slot' ? (
        <span className="ck-badge" data-status={entry.slot.status}>
          {entry.slot.status === 'free' ? messages.free : messages.busy}
        </span>
      ) : (
        <>
          <StatusBadge status={entry.appointment.status} messages={messages} />{' '}
          {entry.appointment.appointmentType ? (
            <span>{messages.typeLabel(entry.appointment.appointmentType)}</span>
          ) : null}{' '}
          {entry.appointment.reasonCode ? (
            <span className="ck-muted">{entry.appointment.reasonCode}</span>
          ) : null}
        </>
      )}
    </>
  );
}
