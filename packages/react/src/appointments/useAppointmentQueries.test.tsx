import { type Appointment, ClinikConflictError } from '@clinikapi/core';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecordChangedError } from '../form/guardedUpdate.js';
import { createTestQueryClient, renderWithClient } from '../test/renderWithClient.js';
import { startOfDayIn } from '../time/zone.js';
import { appointmentQueries } from './appointmentQueries.js';
import { createSchedulingApi } from './test/schedulingApi.js';
import { KOLKATA, KOLKATA_DAY, KOLKATA_NOW, kolkataPractice } from './test/schedulingScenario.js';
import { schedulingServer } from './test/schedulingServer.js';
import {
  useAppointment,
  useAppointments,
  useBookAppointment,
  useCancelAppointment,
  usePractitioners,
  useSlots,
  useUpdateAppointment,
} from './useAppointmentQueries.js';

const scheduling = schedulingServer(() => createSchedulingApi(kolkataPractice()));

function setup() {
  const queryClient = createTestQueryClient();
  const { wrapper } = renderWithClient(<div />, {
    baseUrl: scheduling.baseUrl,
    queryClient,
    timeZone: KOLKATA,
    now: () => KOLKATA_NOW,
  });
  return { wrapper, queryClient };
}

const dayRange = {
  from: startOfDayIn(KOLKATA_DAY, KOLKATA),
  to: startOfDayIn('2026-06-17', KOLKATA),
};

describe('useSlots', () => {
  it('asks for one practitioner’s slots with bounds in the practice offset, all pages', async () => {
    scheduling.api.state.slots.push(
      ...Array.from({ length: 130 }, (_, i) => ({
        ...(scheduling.api.state.slots[0] as (typeof scheduling.api.state.slots)[number]),
        id: `extra-${i}`,
      })),
    );
    const { wrapper } = setup();
    const { result } = renderHook(() => useSlots({ practitionerId: 'prac-rao', ...dayRange }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(scheduling.api.log[0]).toBe(
      '/api/clinik/v1/slots?practitionerId=prac-rao&dateFrom=2026-06-16T00%3A00%3A00%2B05%3A30&dateTo=2026-06-17T00%3A00%3A00%2B05%3A30&sort=date&count=100'.replace(
        /^/,
        'GET ',
      ),
    );
    expect(scheduling.api.log).toHaveLength(2); // 139 slots: two pages of 100
    expect(result.current.data?.data).toHaveLength(139);
  });

  it('takes a practitioner or a schedule, not both (checked by tsc)', () => {
    const typeOnly = () => {
      const range = { from: new Date(), to: new Date() };
      useSlots({ practitionerId: 'p', ...range });
      useSlots({ scheduleId: 's', ...range });
      // @ts-expect-error: one owner only
      useSlots({ practitionerId: 'p', scheduleId: 's', ...range });
      // @ts-expect-error: from and to are required
      useSlots({ practitionerId: 'p' });
    };
    expect(typeof typeOnly).toBe('function');
  });

  it('stays idle until a practitioner is chosen', () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useSlots({ practitionerId: undefined, ...dayRange }), {
      wrapper,
    });
    expect(result.current.fetchStatus).toBe('idle');
    expect(scheduling.api.log).toEqual([]);
  });
});

describe('appointment queries and mutations', () => {
  it('lists by patient and date range and reads one appointment', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({
        list: useAppointments({ patientId: 'pat-ada', from: dayRange.from, sort: 'date' }),
        one: useAppointment('appt-next'),
        practitioners: usePractitioners({ name: 'rao' }),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.list.isSuccess && result.current.one.isSuccess).toBe(true),
    );
    expect(result.current.list.data?.data.map((a) => a.id)).toEqual(['appt-next']);
    expect(scheduling.api.log).toContain(
      'GET /api/clinik/v1/appointments?patientId=pat-ada&sort=date&dateFrom=2026-06-16T00%3A00%3A00%2B05%3A30',
    );
    expect(result.current.one.data?.reasonCode).toBe('Night shift follow-up');
    await waitFor(() => expect(result.current.practitioners.data?.data).toHaveLength(1));
  });

  it('keeps the previous page while paging, but never shows another patient’s appointments', async () => {
    const { wrapper } = setup();
    const { result, rerender } = renderHook(
      ({ patientId, status }: { patientId: string; status?: string }) =>
        useAppointments({ patientId, status }),
      { wrapper, initialProps: { patientId: 'pat-ada' } as { patientId: string; status?: string } },
    );
    await waitFor(() => expect(result.current.data?.data).toHaveLength(2));
    const hold = scheduling.api.hold();
    rerender({ patientId: 'pat-ada', status: 'booked' });
    expect(result.current.isPlaceholderData).toBe(true); // same patient, narrower filter
    rerender({ patientId: 'pat-alan' });
    expect(result.current.data).toBeUndefined(); // another patient: nothing stands in
    hold.release();
    await waitFor(() => expect(result.current.data?.data).toEqual([]));
  });

  it('booking marks the slot busy and refreshes slots and appointment lists', async () => {
    const { wrapper, queryClient } = setup();
    const { result } = renderHook(
      () => ({
        slots: useSlots({ practitionerId: 'prac-rao', ...dayRange }),
        list: useAppointments({ patientId: 'pat-ada' }),
        book: useBookAppointment(),
      }),
      { wrapper },
    );
    await waitFor(() =>
      expect(result.current.slots.isSuccess && result.current.list.isSuccess).toBe(true),
    );
    const before = scheduling.api.log.length;
    await act(() =>
      result.current.book.mutateAsync({
        status: 'booked',
        patientId: 'pat-ada',
        practitionerId: 'prac-rao',
        slotId: 'rao-0616-4',
        start: '2026-06-16T11:00:00+05:30',
        end: '2026-06-16T11:30:00+05:30',
        minutesDuration: 30,
      }),
    );
    await waitFor(() =>
      expect(result.current.slots.data?.data.find((s) => s.id === 'rao-0616-4')?.status).toBe(
        'busy',
      ),
    );
    await waitFor(() => expect(result.current.list.data?.data).toHaveLength(3));
    const refetched = scheduling.api.log.slice(before + 1).map((line) => line.split('?')[0]);
    expect(refetched).toEqual(
      expect.arrayContaining(['GET /api/clinik/v1/slots', 'GET /api/clinik/v1/appointments']),
    );
    const created = result.current.book.data;
    expect(
      created && queryClient.getQueryData(appointmentQueries.detail(created.id).queryKey),
    ).toEqual(created);
  });

  it('a 409 CONFLICT rejects with ClinikConflictError and refreshes the slots', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({
        slots: useSlots({ practitionerId: 'prac-rao', ...dayRange }),
        book: useBookAppointment(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    scheduling.api.takeSlot('rao-0616-4');
    let error: unknown;
    await act(async () => {
      error = await result.current.book
        .mutateAsync({
          status: 'booked',
          patientId: 'pat-ada',
          slotId: 'rao-0616-4',
          start: '2026-06-16T11:00:00+05:30',
          end: '2026-06-16T11:30:00+05:30',
        })
        .catch((e: unknown) => e);
    });
    expect(error).toBeInstanceOf(ClinikConflictError);
    await waitFor(() =>
      expect(result.current.slots.data?.data.find((s) => s.id === 'rao-0616-4')?.status).toBe(
        'busy',
      ),
    );
  });

  it('cancelling sends status and reason and frees the slot; rescheduling moves it', async () => {
    scheduling.api.state.appointments.push({
      ...(scheduling.api.state
        .appointments[1] as (typeof scheduling.api.state.appointments)[number]),
      id: 'appt-slot',
      slotId: 'rao-0616-2',
    });
    scheduling.api.takeSlot('rao-0616-2');
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({
        slots: useSlots({ practitionerId: 'prac-rao', ...dayRange }),
        update: useUpdateAppointment(),
        cancel: useCancelAppointment(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.slots.isSuccess).toBe(true));
    await act(() =>
      result.current.update.mutateAsync({
        id: 'appt-slot',
        patch: {
          slotId: 'rao-0616-5',
          start: '2026-06-16T11:30:00+05:30',
          end: '2026-06-16T12:00:00+05:30',
        },
      }),
    );
    const statusOf = (id: string) =>
      result.current.slots.data?.data.find((s) => s.id === id)?.status;
    await waitFor(() => expect(statusOf('rao-0616-5')).toBe('busy'));
    expect(statusOf('rao-0616-2')).toBe('free');

    await act(() =>
      result.current.cancel.mutateAsync({ id: 'appt-slot', reason: ' Feeling better ' }),
    );
    expect(scheduling.api.writes.at(-1)?.body).toEqual({
      status: 'cancelled',
      cancelationReason: 'Feeling better',
    });
    await waitFor(() => expect(statusOf('rao-0616-5')).toBe('free'));
  });

  it('with a base version, writes only onto it: a changed appointment rejects with RecordChangedError and the latest copy', async () => {
    const { wrapper } = setup();
    const { result } = renderHook(
      () => ({
        appointment: useAppointment('appt-next'),
        update: useUpdateAppointment(),
        cancel: useCancelAppointment(),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.appointment.isSuccess).toBe(true));
    const seen = result.current.appointment.data as Appointment;
    // Someone else changes it after it was read (this API sends no ETag: updatedAt decides).
    scheduling.api.state.appointments = scheduling.api.state.appointments.map((a) =>
      a.id === 'appt-next'
        ? { ...a, reasonCode: 'Moved by reception', updatedAt: '2026-06-16T04:00:00Z' }
        : a,
    );
    await expect(
      result.current.cancel.mutateAsync({ id: 'appt-next', reason: 'Late', base: seen }),
    ).rejects.toMatchObject({
      name: 'RecordChangedError',
      latest: expect.objectContaining({ reasonCode: 'Moved by reception' }),
    });
    await expect(
      result.current.update.mutateAsync({ id: 'appt-next', patch: { comment: 'x' }, base: seen }),
    ).rejects.toBeInstanceOf(RecordChangedError);
    expect(scheduling.api.writes).toEqual([]);

    const latest = scheduling.api.state.appointments.find(
      (a) => a.id === 'appt-next',
    ) as Appointment;
    await act(() =>
      result.current.cancel.mutateAsync({ id: 'appt-next', reason: 'Late', base: latest }),
    );
    expect(scheduling.api.writes).toEqual([
      {
        method: 'PATCH',
        path: '/v1/appointments/appt-next',
        body: { status: 'cancelled', cancelationReason: 'Late' },
      },
    ]);
  });
});
