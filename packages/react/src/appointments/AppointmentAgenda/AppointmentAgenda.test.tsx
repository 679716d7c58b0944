import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { createSchedulingApi } from '../test/schedulingApi.js';
import { makeAppointment, makeSlots } from '../test/schedulingFixtures.js';
import {
  FALL_BACK_DAY,
  KOLKATA,
  KOLKATA_NOW,
  kolkataPractice,
  NEW_YORK,
  newYorkFallBackPractice,
} from '../test/schedulingScenario.js';
import { schedulingServer } from '../test/schedulingServer.js';
import { AppointmentAgenda } from './AppointmentAgenda.js';

const scheduling = schedulingServer(() => {
  const seed = kolkataPractice();
  seed.appointments.push(
    makeAppointment('appt-booked', {
      slotId: 'rao-0616-2',
      start: '2026-06-16T10:00:00+05:30',
      end: '2026-06-16T10:30:00+05:30',
      reasonCode: 'Asthma review',
    }),
  );
  const api = createSchedulingApi(seed);
  api.takeSlot('rao-0616-2');
  return api;
});

function renderAgenda(props: Partial<React.ComponentProps<typeof AppointmentAgenda>> = {}) {
  return renderWithClient(<AppointmentAgenda practitionerId="prac-rao" {...props} />, {
    baseUrl: scheduling.baseUrl,
    timeZone: KOLKATA,
    now: () => KOLKATA_NOW,
  });
}

/** Entry buttons of a day (role queries over hundreds of nodes are slow in jsdom). */
const entriesOf = (day: HTMLElement) => [
  ...day.querySelectorAll<HTMLButtonElement>('.ck-agenda-entry'),
];
const plain = (el: Element | null | undefined) => el?.textContent?.replace(/\s/g, ' ') ?? '';

describe('AppointmentAgenda', () => {
  it('shows a week of free slots and appointments by practice day, axe-clean', async () => {
    const { container } = renderAgenda();
    expect(await screen.findByRole('heading', { name: 'Agenda of Meera Rao' })).toBeTruthy();
    const tuesday = await screen.findByRole('region', { name: 'Tuesday, June 16, 2026' });
    await waitFor(() => expect(entriesOf(tuesday).length).toBeGreaterThan(2));
    const entries = entriesOf(tuesday).map(plain);
    // The booked slot shows as its appointment; the 23:30 slot ends the next day.
    expect(entries[2]).toBe('10:00 AM – 10:30 AM Booked Routine Asthma review');
    expect(entries.filter((e) => e.includes('Free'))).toHaveLength(8);
    expect(entries.at(-1)).toBe('11:30 PM – 12:30 AM (+1) Free');
    // The 00:15 appointment on the 17th in Kolkata is in Wednesday's column.
    const wednesday = screen.getByRole('region', { name: 'Wednesday, June 17, 2026' });
    expect(plain(entriesOf(wednesday)[0])).toContain('12:15 AM – 12:45 AM Booked');
    expect(document.querySelectorAll('.ck-agenda-day')).toHaveLength(7);
    expect(scheduling.api.log.find((l) => l.includes('/slots'))).toContain(
      'dateFrom=2026-06-15T00%3A00%3A00%2B05%3A30&dateTo=2026-06-21T23%3A59%3A59%2B05%3A30',
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('moves with the keyboard: one Tab stop, arrows, Home/End, Enter to choose', async () => {
    const onSelectSlot = vi.fn();
    const { user } = renderAgenda({ defaultView: 'day', onSelectSlot });
    await screen.findByText('Asthma review');
    const tuesday = screen.getByRole('region', { name: 'Tuesday, June 16, 2026' });
    // Appointments and free times load separately: wait for both.
    await waitFor(() => expect(entriesOf(tuesday).length).toBeGreaterThan(2));
    const buttons = entriesOf(tuesday);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    buttons[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(buttons[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(buttons.at(-1));
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(onSelectSlot).toHaveBeenCalledWith(expect.objectContaining({ id: 'rao-0616-1' }));
    // Tab leaves the agenda instead of walking every entry.
    await user.tab();
    expect(buttons).not.toContain(document.activeElement);
  });

  it('is a listbox per day with its key instructions; Enter is offered only where it does something', async () => {
    const onSelectSlot = vi.fn();
    const { user, rerender } = renderAgenda({ defaultView: 'week', onSelectSlot });
    await screen.findByText('Asthma review');
    const tuesday = screen.getByRole('listbox', { name: /^Tuesday, June 16, 2026 · Today/ });
    await waitFor(() => expect(entriesOf(tuesday).length).toBeGreaterThan(2));
    const help = document.getElementById(tuesday.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe(
      'Up and Down arrows move between the entries of a day, Home and End go to its first and last, Left and Right arrows (or Page Up and Page Down) go to the previous and next day. Enter or Space chooses a free time.',
    );
    const options = within(tuesday).getAllByRole('option');
    // The booked appointment (third) does nothing without onSelectAppointment: disabled, not chosen.
    expect(plain(options[2])).toContain('Asthma review');
    expect(options[2]?.getAttribute('aria-disabled')).toBe('true');
    expect(options[0]?.getAttribute('aria-disabled')).toBeNull();
    options[2]?.focus();
    await user.keyboard('{Enter}');
    expect(onSelectSlot).not.toHaveBeenCalled();
    expect(options[2]?.getAttribute('aria-selected')).toBe('false');
    // Up/Down stay in the day; Right goes to the same place in the next day, Left back.
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(options[1]);
    await user.keyboard('{ArrowRight}');
    const wednesday = screen.getByRole('listbox', { name: /^Wednesday, June 17, 2026/ });
    expect(document.activeElement).toBe(within(wednesday).getAllByRole('option')[1]);
    await user.keyboard('{ArrowLeft}[Space]');
    expect(document.activeElement).toBe(options[1]);
    expect(onSelectSlot).toHaveBeenCalledWith(expect.objectContaining({ id: 'rao-0616-1' }));
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}{ArrowUp}');
    expect(document.activeElement).toBe(options[0]);

    // Without handlers nothing can be chosen, and the instructions do not mention Enter.
    rerender(<AppointmentAgenda practitionerId="prac-rao" />);
    expect(help?.textContent).not.toMatch(/Enter/);
    expect(
      within(tuesday)
        .getAllByRole('option')
        .every((o) => o.getAttribute('aria-disabled') === 'true'),
    ).toBe(true);
  });

  it('marks today by text and aria-current, not colour alone', async () => {
    renderAgenda();
    const heading = await screen.findByRole('heading', { name: /Tuesday, June 16, 2026/ });
    expect(plain(heading)).toMatch(/^Tuesday, June 16, 2026 · Today \d+ free$/);
    expect(heading.getAttribute('aria-current')).toBe('date');
    const monday = screen.getByRole('heading', { name: /Monday, June 15, 2026/ });
    expect(plain(monday)).not.toContain('Today');
    expect(monday.getAttribute('aria-current')).toBeNull();
  });

  it('pages between days and weeks and back to today', async () => {
    const { user } = renderAgenda({ defaultView: 'day' });
    await screen.findByRole('region', { name: 'Tuesday, June 16, 2026' });
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const wednesday = await screen.findByRole('region', { name: 'Wednesday, June 17, 2026' });
    await waitFor(() => expect(entriesOf(wednesday)).toHaveLength(5));
    await user.click(screen.getByRole('button', { name: 'Week' }));
    expect(screen.getByRole('button', { name: 'Week' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('region', { name: 'Monday, June 22, 2026' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(await screen.findByRole('region', { name: 'Tuesday, June 16, 2026' })).toBeTruthy();
  });

  it('marks the 25-hour New York fall-back day and names its repeated hour', async () => {
    scheduling.use(createSchedulingApi(newYorkFallBackPractice()));
    renderAgenda({ timeZone: NEW_YORK, defaultDay: FALL_BACK_DAY, defaultView: 'day' });
    const day = await screen.findByRole('region', { name: 'Sunday, November 1, 2026' });
    expect(within(day).getByText('Clocks change today: a 25-hour day.')).toBeTruthy();
    await waitFor(() => expect(entriesOf(day)).toHaveLength(8));
    const times = entriesOf(day).map((b) => plain(b.querySelector('.ck-agenda-time')));
    // On a clock-change day every entry names the zone, on both ends.
    expect(times).toEqual([
      '12:00 AM EDT – 12:30 AM EDT',
      '12:30 AM EDT – 1:00 AM EDT',
      '1:00 AM EDT – 1:30 AM EDT',
      '1:30 AM EDT – 1:00 AM EST',
      '1:00 AM EST – 1:30 AM EST',
      '1:30 AM EST – 2:00 AM EST',
      '2:00 AM EST – 2:30 AM EST',
      '2:30 AM EST – 3:00 AM EST',
    ]);
    expect(screen.getByText(/Times in Eastern Time \(New York\), GMT-4 → GMT-5/)).toBeTruthy();
  });

  it('names every offset of a week that spans a clock change', async () => {
    scheduling.use(createSchedulingApi(newYorkFallBackPractice()));
    renderAgenda({ timeZone: NEW_YORK, defaultDay: '2026-10-28' });
    expect(
      await screen.findByText(
        /Oct 26, 2026 – Sun, Nov 1, 2026 · Times in Eastern Time \(New York\), GMT-4 → GMT-5$/,
      ),
    ).toBeTruthy();
  });

  it('renders hundreds of entries in a week', async () => {
    scheduling.api.state.slots = [];
    for (const [i, day] of [
      '2026-06-15',
      '2026-06-16',
      '2026-06-17',
      '2026-06-18',
      '2026-06-19',
    ].entries()) {
      scheduling.api.state.slots.push(
        ...makeSlots({
          scheduleId: 'sch-rao',
          day,
          timeZone: KOLKATA,
          from: '08:00',
          count: 48,
          minutes: 15,
          idPrefix: `bulk${i}`,
        }),
      );
    }
    const { container } = renderAgenda();
    const friday = await screen.findByRole('region', { name: 'Friday, June 19, 2026' });
    await waitFor(() => expect(entriesOf(friday)).toHaveLength(48));
    expect(container.querySelectorAll('.ck-agenda-entry').length).toBeGreaterThanOrEqual(241);
    expect(scheduling.api.log.filter((l) => l.includes('/slots'))).toHaveLength(3); // 240 slots: 3 pages of 100
  });
});
