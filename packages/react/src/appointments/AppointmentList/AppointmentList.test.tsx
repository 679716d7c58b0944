import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../../test/axe.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { createSchedulingApi } from '../test/schedulingApi.js';
import { makeAppointment } from '../test/schedulingFixtures.js';
import { KOLKATA, KOLKATA_NOW, kolkataPractice } from '../test/schedulingScenario.js';
import { schedulingServer } from '../test/schedulingServer.js';
import { AppointmentList } from './AppointmentList.js';

const scheduling = schedulingServer(() => {
  const seed = kolkataPractice();
  seed.appointments.push(
    makeAppointment('appt-today', {
      slotId: 'rao-0616-6',
      start: '2026-06-16T12:00:00+05:30',
      end: '2026-06-16T12:30:00+05:30',
      reasonCode: 'Sore throat',
    }),
  );
  const api = createSchedulingApi(seed);
  api.takeSlot('rao-0616-6');
  return api;
});

function renderList(props: Partial<React.ComponentProps<typeof AppointmentList>> = {}) {
  return renderWithClient(<AppointmentList patientId="pat-ada" {...props} />, {
    baseUrl: scheduling.baseUrl,
    timeZone: KOLKATA,
    now: () => KOLKATA_NOW,
  });
}

const text = (el: Element | null) => el?.textContent?.replace(/\s/g, ' ');

describe('AppointmentList', () => {
  it('groups upcoming and past appointments by day in the practice zone', async () => {
    renderList();
    const region = screen.getByRole('region', { name: 'Appointments' });
    const upcoming = await within(region).findByRole('region', { name: 'Upcoming' });
    // 00:15 on June 17 in Kolkata is still June 16 in the Los Angeles browser.
    expect(within(upcoming).getAllByRole('heading', { level: 4 }).map(text)).toEqual([
      'Tuesday, June 16, 2026',
      'Wednesday, June 17, 2026',
    ]);
    const items = within(upcoming).getAllByRole('listitem');
    expect(text(items[0]?.querySelector('.ck-appointment-time') ?? null)).toBe(
      '12:00 PM – 12:30 PM',
    );
    expect(text(items[1]?.querySelector('.ck-appointment-time') ?? null)).toBe(
      '12:15 AM – 12:45 AM',
    );
    expect(within(items[1] as HTMLElement).getByText('Follow-up')).toBeTruthy();
    expect(await within(items[0] as HTMLElement).findByText('Meera Rao')).toBeTruthy();

    const past = screen.getByRole('region', { name: 'Past' });
    expect(within(past).getByRole('heading', { level: 4 }).textContent).toBe(
      'Wednesday, June 10, 2026',
    );
    expect(within(past).getByText('Fulfilled')).toBeTruthy();
    expect(within(past).queryByRole('button', { name: 'Cancel appointment' })).toBeNull();
    expect(
      scheduling.api.log.some((l) => l.includes('dateFrom=2026-06-16T00%3A00%3A00%2B05%3A30')),
    ).toBe(true);
  });

  it('cancels with a reason, shows the new status and frees the slot', async () => {
    const { user } = renderList();
    const item = (await screen.findByText('Sore throat')).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Cancel appointment' }));
    const reason = within(item).getByLabelText('Reason for cancelling');
    expect(document.activeElement).toBe(reason);
    await user.type(reason, 'Recovered');
    const gate = scheduling.api.hold();
    const confirm = within(item).getByRole('button', { name: 'Confirm cancellation' });
    confirm.focus();
    await user.keyboard('{Enter}');
    // While it is stored the pressed button keeps focus (aria-disabled, never disabled).
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(confirm);
    gate.release();
    await waitFor(() => expect(within(item).getByText('Cancelled')).toBeTruthy());
    // The buttons are gone: a visible confirmation says what happened and takes focus.
    const notice = await screen.findByText(
      'Cancelled the appointment of Tue, Jun 16, 2026, 12:00 PM GMT+5:30.',
    );
    expect(notice.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(scheduling.api.writes[0]).toMatchObject({
      method: 'PATCH',
      path: '/v1/appointments/appt-today',
      body: { status: 'cancelled', cancelationReason: 'Recovered' },
    });
    expect(scheduling.api.state.slots.find((s) => s.id === 'rao-0616-6')?.status).toBe('free');
    expect(within(item).queryByRole('button', { name: 'Cancel appointment' })).toBeNull();
  });

  it('reschedules in place with the form', async () => {
    const { user } = renderList();
    const item = (await screen.findByText('Sore throat')).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Reschedule' }));
    await user.click(await within(item).findByRole('button', { name: '10:30 AM' }));
    await user.click(within(item).getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() =>
      expect(text(item.querySelector('.ck-appointment-time'))).toBe('10:30 AM – 11:00 AM'),
    );
    const notice = await screen.findByText('Moved to Tue, Jun 16, 2026, 10:30 AM GMT+5:30.');
    expect(notice.getAttribute('role')).toBe('status');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(scheduling.api.writes[0]?.body).toMatchObject({
      slotId: 'rao-0616-3',
      start: '2026-06-16T10:30:00+05:30',
    });
    expect(within(item).queryByRole('button', { name: 'Reschedule appointment' })).toBeNull();
  });

  it('returns focus to the button that opened a panel when it is closed', async () => {
    const { user } = renderList();
    const item = (await screen.findByText('Sore throat')).closest('li') as HTMLElement;
    await user.click(within(item).getByRole('button', { name: 'Cancel appointment' }));
    await user.click(within(item).getByRole('button', { name: 'Keep appointment' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(item).getByRole('button', { name: 'Cancel appointment' }),
      ),
    );
    await user.click(within(item).getByRole('button', { name: 'Reschedule' }));
    await within(item).findByRole('button', { name: '10:30 AM' });
    await user.click(within(item).getByRole('button', { name: 'Close' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(within(item).getByRole('button', { name: 'Reschedule' })),
    );
    expect(scheduling.api.writes).toEqual([]);
  });

  it('shows empty and error states', async () => {
    const { unmount } = renderList({ patientId: 'pat-nobody' });
    expect(await screen.findByText('No appointments.')).toBeTruthy();
    unmount();
    scheduling.api.state.appointments = null as never; // the handler throws: the server answers 500
    const { user } = renderList();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load appointments.');
    scheduling.api.state.appointments = kolkataPractice().appointments;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Night shift follow-up')).toBeTruthy();
    // The alert and its button are gone: focus is on the list's heading, not on <body>.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Appointments' })),
    );
  });

  it('has no axe violations, with the cancel panel open too', async () => {
    const { user, container } = renderList();
    await screen.findByText('Sore throat');
    expect(await axeViolations(container)).toEqual([]);
    await user.click(
      screen.getAllByRole('button', { name: 'Cancel appointment' })[0] as HTMLElement,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
