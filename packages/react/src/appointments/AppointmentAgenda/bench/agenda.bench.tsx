/**
 * Prints how long a week of the agenda takes to build and render with hundreds to thousands of
 * entries (no assertions: figures only, timings vary on a shared machine).
 * Run: pnpm exec tsx --conditions=@clinikapi/source packages/react/src/appointments/AppointmentAgenda/bench/agenda.bench.tsx
 */
import type { Appointment, ListPage, Slot } from '@clinikapi/core';
import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { ClinikProvider } from '../../../provider/ClinikProvider.js';
import { shiftDay, startOfDayIn, toZonedIso, weekOf } from '../../../time/zone.js';
import { appointmentQueries } from '../../appointmentQueries.js';
import { makeAppointment, makeSlots } from '../../test/schedulingFixtures.js';
import { AppointmentAgenda } from '../AppointmentAgenda.js';
import { agendaDays } from '../agendaEntries.js';

const ZONE = 'Asia/Kolkata';
const DAY = '2026-06-16';
const NOW = new Date('2026-06-16T04:10:00Z');
const days = weekOf(DAY, 1);

function week(perDay: number): { slots: Slot[]; appointments: Appointment[] } {
  const slots = days.flatMap((day, i) =>
    makeSlots({
      scheduleId: 'sch',
      day,
      timeZone: ZONE,
      from: '00:00',
      count: perDay,
      minutes: Math.floor(1440 / perDay),
      idPrefix: `s${i}`,
    }),
  );
  // Every third slot is booked by an appointment.
  const appointments = slots
    .filter((_, i) => i % 3 === 0)
    .map((slot, i) =>
      makeAppointment(`a${i}`, {
        slotId: slot.id,
        start: slot.start,
        end: slot.end,
        reasonCode: 'Review',
      }),
    );
  return { slots, appointments };
}

const page = <T,>(data: T[]): ListPage<T> => ({
  data,
  total: data.length,
  cursor: null,
  hasMore: false,
});

function median(run: () => void, times = 7): number {
  const samples: number[] = [];
  run(); // warm-up
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)] ?? 0;
}

const first = days[0] ?? DAY;
const last = days[6] ?? DAY;
const dateFrom = toZonedIso(startOfDayIn(first, ZONE), ZONE);
const dateTo = toZonedIso(startOfDayIn(shiftDay(last, 1), ZONE).getTime() - 1000, ZONE);

for (const perDay of [48, 96, 288]) {
  const { slots, appointments } = week(perDay);
  const entries = slots.length + appointments.length;
  const build = median(() => agendaDays(days, slots, appointments, ZONE));
  const queryClient = new QueryClient();
  queryClient.setQueryData(
    appointmentQueries.slots({ practitionerId: 'prac', dateFrom, dateTo }).queryKey,
    page(slots),
  );
  queryClient.setQueryData(
    appointmentQueries.range({ practitionerId: 'prac', dateFrom, dateTo, sort: 'date' }).queryKey,
    page(appointments),
  );
  queryClient.setQueryData(appointmentQueries.practitioner('prac').queryKey, undefined as never);
  let html = '';
  const render = median(() => {
    html = renderToString(
      <ClinikProvider
        queryClient={queryClient}
        timeZone={ZONE}
        now={() => NOW}
        clientOptions={{ fetch: () => Promise.reject(new Error('offline')) }}
      >
        <AppointmentAgenda practitionerId="prac" defaultDay={DAY} />
      </ClinikProvider>,
    );
  });
  const rendered = (html.match(/ck-agenda-entry/g) ?? []).length;
  console.log(
    `week of ${slots.length} slots + ${appointments.length} appointments (${entries} records, ${rendered} entries rendered): ` +
      `merge+group ${build.toFixed(1)} ms, full render ${render.toFixed(1)} ms (median of 7)`,
  );
}
