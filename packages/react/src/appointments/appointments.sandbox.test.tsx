import { type ClinikClient, createClinikClient, type Slot } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { renderWithClient } from '../test/renderWithClient.js';
import { addMinutes, startOfDayIn, toZonedIso } from '../time/zone.js';
import { AppointmentForm } from './AppointmentForm/AppointmentForm.js';
import { AppointmentList } from './AppointmentList/AppointmentList.js';

// The whole path: component -> hook -> core client (no key) -> the real @clinikapi/proxy -> an
// in-memory sandbox with its booking integrity (started once in the package's globalSetup).
// The browser sits in Los Angeles; the practice is in Kolkata.
const baseUrl = () => inject('sandboxProxyUrl');
const ZONE = 'Asia/Kolkata';
const DAY = '2027-01-12';
/** 08:30 in Kolkata on the booking day: the 08:00 slot is past, the 08:30 one has started. */
const NOW = new Date('2027-01-12T03:00:00Z');
const run = Date.now().toString(36);
const originalTz = process.env.TZ;

let client: ClinikClient;
let practitionerName: string;
let patientId: string;
let slots: Slot[];

beforeAll(async () => {
  process.env.TZ = 'America/Los_Angeles';
  client = createClinikClient({ baseUrl: baseUrl(), retries: 0 });
  const practitioner = await client.practitioners.create({
    firstName: 'Meera',
    lastName: `Rao${run}`,
  });
  practitionerName = practitioner.fullName;
  patientId = (await client.patients.create({ firstName: 'Ada', lastName: `Booker${run}` })).id;
  const schedule = await client.schedules.create({ actorIds: [practitioner.id], active: true });
  const first = addMinutes(startOfDayIn(DAY, ZONE), 8 * 60);
  slots = [];
  for (let i = 0; i < 6; i++) {
    const start = addMinutes(first, i * 30);
    slots.push(
      await client.slots.create({
        scheduleId: schedule.id,
        status: 'free',
        start: toZonedIso(start, ZONE),
        end: toZonedIso(addMinutes(start, 30), ZONE),
      }),
    );
  }
});
afterAll(() => {
  process.env.TZ = originalTz;
});

const statusOf = async (slotId: string) => (await client.slots.read(slotId)).status;

async function openForm(firstFreeTime: string) {
  const onBooked = vi.fn();
  const utils = renderWithClient(
    <AppointmentForm patientId={patientId} timeZone={ZONE} onBooked={onBooked} />,
    {
      baseUrl: baseUrl(),
      timeZone: ZONE,
      now: () => NOW,
    },
  );
  await utils.user.type(screen.getByLabelText('Search practitioners'), `Rao${run}`);
  await screen.findByRole('option', { name: practitionerName });
  await utils.user.selectOptions(screen.getByLabelText('Practitioner'), practitionerName);
  const date = screen.getByLabelText('Date');
  await utils.user.clear(date);
  await utils.user.type(date, DAY);
  await screen.findByRole('button', { name: firstFreeTime });
  return { ...utils, onBooked };
}

describe('appointments against the sandbox behind the proxy', () => {
  it('offers the sandbox’s free future slots in Kolkata time and books one', async () => {
    const { user, onBooked } = await openForm('9:00 AM');
    expect(screen.queryByRole('button', { name: '8:00 AM' })).toBeNull(); // past at 08:30
    expect(screen.queryByRole('button', { name: '8:30 AM' })).toBeNull(); // starting now
    await user.click(screen.getByRole('button', { name: '9:00 AM' }));
    await user.type(screen.getByLabelText('Reason'), 'Sandbox booking');
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    const booked = onBooked.mock.calls[0]?.[0];
    expect(booked).toMatchObject({
      slotId: slots[2]?.id,
      start: '2027-01-12T09:00:00+05:30',
      minutesDuration: 30,
    });
    expect(await statusOf(slots[2]?.id ?? '')).toBe('busy');
    await waitFor(() => expect(screen.queryByRole('button', { name: '9:00 AM' })).toBeNull());
  });

  it('shows the 409 when someone else books the slot first, and keeps the form', async () => {
    const { user, onBooked } = await openForm('9:30 AM');
    await user.click(screen.getByRole('button', { name: '9:30 AM' }));
    await user.type(screen.getByLabelText('Reason'), 'Race');
    const taken = slots[3] as Slot;
    await client.appointments.create({
      status: 'booked',
      patientId,
      slotId: taken.id,
      start: taken.start,
      end: taken.end,
    });
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/just booked by someone else/),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: '9:30 AM' })).toBeNull());
    expect(screen.getByLabelText('Reason')).toHaveProperty('value', 'Race');
    expect(onBooked).not.toHaveBeenCalled();
  });

  it('cancels from AppointmentList and the sandbox frees the slot', async () => {
    const slot = slots[4] as Slot;
    await client.appointments.create({
      status: 'booked',
      patientId,
      slotId: slot.id,
      start: slot.start,
      end: slot.end,
      reasonCode: `Cancel me ${run}`,
    });
    expect(await statusOf(slot.id)).toBe('busy');
    const { user } = renderWithClient(<AppointmentList patientId={patientId} timeZone={ZONE} />, {
      baseUrl: baseUrl(),
      timeZone: ZONE,
      now: () => NOW,
    });
    const item = (await screen.findByText(`Cancel me ${run}`)).closest('li') as HTMLElement;
    expect(within(item).getByText('10:00 AM – 10:30 AM')).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: 'Cancel appointment' }));
    await user.type(within(item).getByLabelText('Reason for cancelling'), 'No longer needed');
    await user.click(within(item).getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() => expect(within(item).getByText('Cancelled')).toBeTruthy());
    expect(await statusOf(slot.id)).toBe('free');
  });
});
