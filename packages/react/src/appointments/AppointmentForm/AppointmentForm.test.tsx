import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { clinikKeys } from '../../queries/keys.js';
import { axeViolations } from '../../test/axe.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { createSchedulingApi } from '../test/schedulingApi.js';
import { makeSlots } from '../test/schedulingFixtures.js';
import {
  FALL_BACK_DAY,
  FALL_BACK_NOW,
  KOLKATA,
  KOLKATA_NOW,
  kolkataPractice,
  NEW_YORK,
  newYorkFallBackPractice,
} from '../test/schedulingScenario.js';
import { schedulingServer } from '../test/schedulingServer.js';
import { AppointmentForm } from './AppointmentForm.js';

const scheduling = schedulingServer(() => createSchedulingApi(kolkataPractice()));

function renderForm(
  props: Partial<React.ComponentProps<typeof AppointmentForm>> = {},
  now = KOLKATA_NOW,
) {
  const onBooked = vi.fn();
  const utils = renderWithClient(
    <AppointmentForm patientId="pat-ada" onBooked={onBooked} {...props} />,
    {
      baseUrl: scheduling.baseUrl,
      timeZone: KOLKATA,
      now: () => now,
    },
  );
  return { ...utils, onBooked };
}

const slotButton = (name: string) => screen.findByRole('button', { name });
const slotNames = () =>
  within(screen.getByRole('group', { name: 'Available times' }))
    .queryAllByRole('button')
    .map((b) => b.textContent?.replace(/\s/g, ' '));

describe('AppointmentForm', () => {
  it('offers today’s future slots in the practice zone, not the browser’s', async () => {
    const { user } = renderForm();
    // 21:10 on June 15 in Los Angeles is already June 16 in Kolkata.
    expect(screen.getByLabelText('Date')).toHaveProperty('value', '2026-06-16');
    expect(screen.getByText('Choose a practitioner to see their free times.')).toBeTruthy();
    await screen.findByRole('option', { name: /Meera Rao/ });
    await user.selectOptions(screen.getByLabelText('Practitioner'), 'prac-rao');
    await slotButton('10:00 AM');
    // 09:00 and 09:30 are past at 09:40; the 23:30 slot crossing midnight belongs to today.
    expect(slotNames()).toEqual([
      '10:00 AM',
      '10:30 AM',
      '11:00 AM',
      '11:30 AM',
      '12:00 PM',
      '12:30 PM',
      '11:30 PM',
    ]);
    expect(
      screen.getByRole('button', { name: '11:30 PM' }).getAttribute('title')?.replace(/\s/g, ' '),
    ).toBe('ends 12:30 AM the next day');
    expect(screen.getByText('Times in India Standard Time (Kolkata), GMT+5:30')).toBeTruthy();
    expect(scheduling.api.log.find((l) => l.includes('/slots'))).toContain(
      'dateFrom=2026-06-16T00%3A00%3A00%2B05%3A30&dateTo=2026-06-16T23%3A59%3A59%2B05%3A30',
    );

    await user.selectOptions(screen.getByLabelText('Duration'), '45');
    expect(screen.queryByRole('button', { name: '10:00 AM' })).toBeNull(); // 30-minute slots are too short
    expect(slotNames()).toEqual(['11:30 PM']);
  });

  it('books with ISO offsets and the form’s fields, then announces the time', async () => {
    const { user, onBooked } = renderForm({ practitionerId: 'prac-rao' });
    await user.click(await slotButton('10:30 AM'));
    expect(screen.getByRole('button', { name: '10:30 AM' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await user.selectOptions(screen.getByLabelText('Appointment type'), 'followup');
    await user.type(screen.getByLabelText('Reason'), 'Blood pressure review');
    await user.type(screen.getByLabelText('Note'), 'Bring readings');
    await user.type(screen.getByLabelText('Patient instructions'), 'Arrive 10 minutes early');
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));

    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(scheduling.api.writes[0]?.body).toEqual({
      status: 'booked',
      patientId: 'pat-ada',
      practitionerId: 'prac-rao',
      slotId: 'rao-0616-3',
      start: '2026-06-16T10:30:00+05:30',
      end: '2026-06-16T11:00:00+05:30',
      minutesDuration: 30,
      appointmentType: 'followup',
      reasonCode: 'Blood pressure review',
      comment: 'Bring readings',
      patientInstruction: 'Arrive 10 minutes early',
    });
    expect((await screen.findByRole('status')).textContent?.replace(/\s/g, ' ')).toBe(
      'Booked for Tue, Jun 16, 2026, 10:30 AM GMT+5:30.',
    );
    // The booked slot is no longer offered once the slots refresh.
    await waitFor(() => expect(screen.queryByRole('button', { name: '10:30 AM' })).toBeNull());
  });

  it('on a 409 race says so, refreshes the times and keeps the other entries', async () => {
    const { user, onBooked } = renderForm({ practitionerId: 'prac-rao' });
    await user.click(await slotButton('11:00 AM'));
    await user.type(screen.getByLabelText('Reason'), 'Cough');
    scheduling.api.takeSlot('rao-0616-4'); // someone else books it between display and submit
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));

    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toMatch(/just booked by someone else/));
    await waitFor(() => expect(screen.queryByRole('button', { name: '11:00 AM' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.getByLabelText('Reason')).toHaveProperty('value', 'Cough');
    expect(screen.getByLabelText('Practitioner')).toHaveProperty('value', 'prac-rao');
    expect(onBooked).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: '11:30 AM' }));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(scheduling.api.writes.at(-1)?.body).toMatchObject({
      slotId: 'rao-0616-5',
      reasonCode: 'Cough',
    });
  });

  it('books with the keyboard alone', async () => {
    const { user, onBooked } = renderForm({ practitionerId: 'prac-rao' });
    await slotButton('10:00 AM');
    // Tab from the top: search, practitioner, date, then the first time.
    await user.tab();
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '10:00 AM' }));
    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByRole('button', { name: '10:30 AM' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    screen.getByLabelText('Reason').focus();
    await user.keyboard('Check-up{Enter}');
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(scheduling.api.writes[0]?.body).toMatchObject({
      slotId: 'rao-0616-3',
      reasonCode: 'Check-up',
    });
  });

  it('refuses to submit without a time and points at what is missing', async () => {
    const { user } = renderForm();
    await user.click(await screen.findByRole('button', { name: 'Book appointment' }));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Please correct the highlighted fields.');
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.getByLabelText('Practitioner').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('group', { name: 'Available times' }).textContent).toContain(
      'Pick one of the available times',
    );
    expect(scheduling.api.writes).toHaveLength(0);
  });

  it('picks a patient when none is given', async () => {
    const { user, onBooked } = renderWithClientAndSpy();
    await screen.findByRole('option', { name: /Alan Turing/ });
    await user.selectOptions(screen.getByLabelText('Patient'), 'pat-alan');
    await screen.findByRole('option', { name: /Meera Rao/ });
    await user.selectOptions(screen.getByLabelText('Practitioner'), 'prac-rao');
    await user.click(await slotButton('12:00 PM'));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(scheduling.api.writes[0]?.body).toMatchObject({ patientId: 'pat-alan' });
  });

  it('reschedules an appointment to another time with PATCH', async () => {
    scheduling.api.state.appointments.push({
      id: 'appt-move',
      status: 'booked',
      patientId: 'pat-ada',
      practitionerId: 'prac-rao',
      slotId: 'rao-0617-0',
      start: '2026-06-17T09:00:00+05:30',
      end: '2026-06-17T09:30:00+05:30',
      reasonCode: 'Vaccination',
      appointmentType: 'routine',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    scheduling.api.takeSlot('rao-0617-0');
    const { user, onBooked } = renderForm({ appointmentId: 'appt-move', patientId: undefined });
    await waitFor(() =>
      expect(screen.getByLabelText('Reason')).toHaveProperty('value', 'Vaccination'),
    );
    expect(screen.getByLabelText('Date')).toHaveProperty('value', '2026-06-17');
    await user.click(await slotButton('10:00 AM'));
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(scheduling.api.writes[0]).toMatchObject({
      method: 'PATCH',
      path: '/v1/appointments/appt-move',
      body: {
        slotId: 'rao-0617-2',
        start: '2026-06-17T10:00:00+05:30',
        end: '2026-06-17T10:30:00+05:30',
      },
    });
    expect(scheduling.api.state.slots.find((s) => s.id === 'rao-0617-0')?.status).toBe('free');
  });

  it('names the repeated hour of the New York fall-back day apart', async () => {
    scheduling.use(createSchedulingApi(newYorkFallBackPractice()));
    const onBooked = vi.fn();
    const { user } = renderWithClient(
      <AppointmentForm
        patientId="pat-ada"
        practitionerId="prac-rao"
        timeZone={NEW_YORK}
        onBooked={onBooked}
      />,
      { baseUrl: scheduling.baseUrl, timeZone: KOLKATA, now: () => FALL_BACK_NOW },
    );
    const date = screen.getByLabelText('Date');
    await user.clear(date);
    await user.type(date, FALL_BACK_DAY);
    await slotButton('1:00 AM EDT');
    expect(screen.getByText('Times in Eastern Time (New York), GMT-4 → GMT-5')).toBeTruthy();
    expect(slotNames()).toEqual([
      '12:00 AM',
      '12:30 AM',
      '1:00 AM EDT',
      '1:30 AM EDT',
      '1:00 AM EST',
      '1:30 AM EST',
      '2:00 AM',
      '2:30 AM',
    ]);
    await user.click(screen.getByRole('button', { name: '1:00 AM EST' }));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalled());
    expect(scheduling.api.writes[0]?.body).toMatchObject({
      start: '2026-11-01T01:00:00-05:00',
      end: '2026-11-01T01:30:00-05:00',
    });
  });

  it('names a repeated hour apart even when its twin is booked', async () => {
    const api = scheduling.use(createSchedulingApi(newYorkFallBackPractice()));
    // The EDT occurrences are taken: the EST ones must not read as plain "1:00 AM".
    api.takeSlot('rao-1101-2');
    api.takeSlot('rao-1101-3');
    renderWithClient(
      <AppointmentForm patientId="pat-ada" practitionerId="prac-rao" timeZone={NEW_YORK} />,
      {
        baseUrl: scheduling.baseUrl,
        timeZone: KOLKATA,
        now: () => FALL_BACK_NOW,
      },
    );
    const date = screen.getByLabelText('Date');
    fireEvent.change(date, { target: { value: FALL_BACK_DAY } });
    await slotButton('1:00 AM EST');
    expect(slotNames()).toEqual([
      '12:00 AM',
      '12:30 AM',
      '1:00 AM EST',
      '1:30 AM EST',
      '2:00 AM',
      '2:30 AM',
    ]);
  });

  it('offers the next day with free times when the chosen day has none', async () => {
    scheduling.api.state.slots.push(
      ...makeSlots({
        scheduleId: 'sch-okafor',
        day: '2026-06-19',
        timeZone: KOLKATA,
        from: '14:00',
        count: 2,
        minutes: 30,
        idPrefix: 'okafor-0619',
      }),
    );
    const { user } = renderForm({ practitionerId: 'prac-okafor' });
    expect(await screen.findByText('No free times on this day.')).toBeTruthy();
    const next = await screen.findByRole('button', {
      name: 'Next available: Friday, June 19, 2026',
    });
    await user.click(next);
    expect(screen.getByLabelText('Date')).toHaveProperty('value', '2026-06-19');
    const first = await slotButton('2:00 PM');
    await waitFor(() => expect(document.activeElement).toBe(first));
    expect(slotNames()).toEqual(['2:00 PM', '2:30 PM']);
    // Only times long enough for the chosen duration count.
    await user.selectOptions(screen.getByLabelText('Duration'), '45');
    expect(await screen.findByText('No free times in the next 90 days either.')).toBeTruthy();
  });

  it('has no axe violations with times shown and with errors', async () => {
    const { user, container } = renderForm({ practitionerId: 'prac-rao' });
    await slotButton('10:00 AM');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('AppointmentForm when the picked time disappears', () => {
  /** Every text the form's alert showed, in order (announcements a screen reader would read). */
  function alertHistory() {
    const alert = screen.getByRole('alert');
    const seen: string[] = [];
    const observer = new MutationObserver(() => {
      const text = alert.textContent ?? '';
      if (text && seen.at(-1) !== text) seen.push(text);
    });
    observer.observe(alert, { childList: true, subtree: true, characterData: true });
    return { seen, stop: () => observer.disconnect() };
  }

  it('announces a time booked by someone else on a refresh, keeps the entries and focus', async () => {
    const { user, queryClient } = renderForm({ practitionerId: 'prac-rao' });
    await user.click(await slotButton('11:00 AM'));
    await user.type(screen.getByLabelText('Reason'), 'Cough');
    scheduling.api.takeSlot('rao-0616-4');
    await act(() => queryClient.invalidateQueries({ queryKey: clinikKeys.lists('slots') }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/^That time was just booked/),
    );
    expect(screen.queryByRole('button', { name: '11:00 AM' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByLabelText('Reason'));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^That time was just booked/);
    expect(scheduling.api.writes).toHaveLength(0);
    // Picking another time clears the announcement.
    await user.click(screen.getByRole('button', { name: '11:30 AM' }));
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('a picked time that starts meanwhile gets its own wording', async () => {
    let now = KOLKATA_NOW;
    const { user } = renderWithClient(
      <AppointmentForm patientId="pat-ada" practitionerId="prac-rao" />,
      { baseUrl: scheduling.baseUrl, timeZone: KOLKATA, now: () => now },
    );
    await user.click(await slotButton('10:00 AM'));
    now = new Date(KOLKATA_NOW.getTime() + 21 * 60_000); // 10:01 in Kolkata
    await user.type(screen.getByLabelText('Reason'), 'Late');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'The time you picked has passed. Pick another one; your other entries are kept.',
      ),
    );
    expect(screen.getByLabelText('Reason')).toHaveProperty('value', 'Late');
  });

  it('its own booking is announced as booked, never as taken or as an error, and focused', async () => {
    const { user, onBooked } = renderForm({ practitionerId: 'prac-rao' });
    await user.click(await slotButton('10:30 AM'));
    const history = alertHistory();
    const book = screen.getByRole('button', { name: 'Book appointment' });
    await user.click(book);
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    // The booked time has left the free times (the refresh ran before the form cleared it).
    await waitFor(() => expect(screen.queryByRole('button', { name: '10:30 AM' })).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 100));
    history.stop();
    expect(history.seen).toEqual([]);
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(screen.getByRole('status').textContent).toMatch(/^Booked for/);
    // Focus moved from the pressed button to the confirmation (never to <body>).
    expect(document.activeElement).toBe(screen.getByRole('status'));
  });

  it('keeps focus on the pressed button while the booking is sent', async () => {
    const { user, onBooked } = renderForm({ practitionerId: 'prac-rao' });
    await user.click(await slotButton('12:00 PM'));
    const gate = scheduling.api.hold();
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    const busy = await screen.findByRole('button', { name: 'Booking…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);
    await user.click(busy); // a second press sends nothing more
    gate.release();
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(scheduling.api.writes).toHaveLength(1);
  });
});

function renderWithClientAndSpy() {
  return renderForm({ patientId: undefined });
}

describe('time zone option', () => {
  it('throws a coded error for an unknown zone instead of using another one', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      renderWithClient(<AppointmentForm patientId="pat-ada" timeZone="Mars/Olympus" />, {
        baseUrl: scheduling.baseUrl,
      }),
    ).toThrow(expect.objectContaining({ code: 'ERR_CLINIK_INVALID_TIME_ZONE' }));
    spy.mockRestore();
  });
});
