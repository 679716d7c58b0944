'use client';
import type { Appointment } from '@clinikapi/core';
import {
  forwardRef,
  type HTMLAttributes,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { LoadFailed } from '../../list/LoadFailed.js';
import { useClinik } from '../../provider/context.js';
import { formatDay } from '../../time/format.js';
import { groupByDay } from '../../time/group.js';
import { startOfDayIn, todayIn } from '../../time/zone.js';
import { cx } from '../../ui/cx.js';
import { type AppointmentMessages, appointmentMessages } from '../appointmentMessages.js';
import {
  useAppointments,
  useAppointmentsInRange,
  usePractitioners,
} from '../useAppointmentQueries.js';
import { usePracticeZone } from '../usePracticeZone.js';
import { AppointmentListItem } from './AppointmentListItem.js';

export interface AppointmentListProps extends HTMLAttributes<HTMLElement> {
  /** Whose appointments: a patient's... */
  patientId?: string | undefined;
  /** ...and/or a practitioner's. */
  practitionerId?: string | undefined;
  /** IANA zone days and times are shown in. Defaults to the provider's. */
  timeZone?: string | undefined;
  /** How many past appointments to show, newest first. Defaults to 20. */
  pastCount?: number | undefined;
  /** Replaces the inline reschedule form (e.g. open your own dialog). */
  onReschedule?: ((appointment: Appointment) => void) | undefined;
  /** Label overrides. Defaults to English. */
  messages?: Partial<AppointmentMessages> | undefined;
}

/**
 * Upcoming and past appointments of a patient or practitioner, grouped by day in the practice
 * zone, with status badges, cancel (with a reason) and reschedule.
 *
 * Focus and announcements: "Cancel appointment" moves focus to the reason; "Keep appointment"
 * returns it to "Cancel appointment". A stored cancellation or reschedule is confirmed in a
 * status message above the list ("Cancelled the appointment of …", "Moved to …"), which takes
 * focus, since the buttons that were pressed are gone. "Close" of the reschedule form returns
 * focus to "Reschedule". "Retry" after a failed load keeps focus, then moves it to the heading.
 */
export const AppointmentList = forwardRef<HTMLElement, AppointmentListProps>(
  function AppointmentList(
    {
      patientId,
      practitionerId,
      timeZone: zoneProp,
      pastCount = 20,
      onReschedule,
      messages: overrides,
      className,
      ...rest
    },
    ref,
  ) {
    const clinik = useClinik();
    const timeZone = usePracticeZone(zoneProp);
    const messages = appointmentMessages(overrides);
    const headingId = useId();
    const headingRef = useRef<HTMLHeadingElement>(null);
    const noticeRef = useRef<HTMLParagraphElement>(null);
    // The last confirmation (cancelled, moved), and how many so far: each one takes focus.
    const [notice, setNotice] = useState({ text: '', count: 0 });
    const announce = (text: string) => setNotice((n) => ({ text, count: n.count + 1 }));
    useEffect(() => {
      if (notice.count > 0) noticeRef.current?.focus();
    }, [notice.count]);
    const startOfToday = startOfDayIn(todayIn(timeZone, clinik.now()), timeZone);
    const owner = { patientId, practitionerId, timeZone };
    const enabled = Boolean(patientId || practitionerId);
    const upcoming = useAppointmentsInRange(
      { ...owner, from: startOfToday, sort: 'date' },
      { enabled },
    );
    const past = useAppointments(
      { ...owner, to: startOfToday.getTime() - 1000, sort: '-date', count: pastCount },
      { enabled },
    );
    const practitioners = usePractitioners({ count: 100 });
    const names = useMemo(
      () => new Map((practitioners.data?.data ?? []).map((p) => [p.id, p.fullName])),
      [practitioners.data],
    );

    const sections = [
      {
        key: 'upcoming',
        title: messages.upcoming,
        query: upcoming,
        order: 'asc' as const,
        actionable: true,
      },
      { key: 'past', title: messages.past, query: past, order: 'desc' as const, actionable: false },
    ];
    const loading = upcoming.isPending || past.isPending;
    const failed = upcoming.isError || past.isError;
    const empty = !loading && !failed && !upcoming.data?.data.length && !past.data?.data.length;

    return (
      <section
        ref={ref}
        aria-labelledby={headingId}
        aria-busy={upcoming.isFetching || past.isFetching || undefined}
        className={cx('ck-appointment-list', className)}
        {...rest}
      >
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {messages.appointments}
        </h2>
        <p ref={noticeRef} role="status" tabIndex={-1} className="ck-appointment-notice">
          {notice.text}
        </p>
        {enabled && loading ? <p role="status">{messages.loadingAppointments}</p> : null}
        {failed ? (
          <LoadFailed
            message={messages.loadAppointmentsFailed}
            retryLabel={messages.retry}
            queries={[upcoming, past]}
            focusAfterRetry={headingRef}
          />
        ) : null}
        {empty || !enabled ? <p className="ck-muted">{messages.noAppointments}</p> : null}
        {sections.map(({ key, title, query, order, actionable }) => {
          const items = query.data?.data ?? [];
          if (items.length === 0) return null;
          const groups = groupByDay(items, (a) => a.start ?? a.createdAt, timeZone, order);
          return (
            <section key={key} aria-label={title} className="ck-appointment-section">
              <h3>{title}</h3>
              {groups.map((group) => (
                <div key={group.day} className="ck-day-group">
                  <h4>{formatDay(group.day, clinik.locale)}</h4>
                  <ul>
                    {group.items.map((appointment) => (
                      <AppointmentListItem
                        key={appointment.id}
                        appointment={appointment}
                        practitionerName={
                          appointment.practitionerId
                            ? names.get(appointment.practitionerId)
                            : undefined
                        }
                        timeZone={timeZone}
                        locale={clinik.locale}
                        messages={messages}
                        actionable={actionable}
                        onReschedule={onReschedule}
                        onAnnounce={announce}
                      />
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          );
        })}
      </section>
    );
  },
);
