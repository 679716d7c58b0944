import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMinutes, shiftDay, startOfDayIn, todayIn, toZonedIso } from '../time/zone.js';
import { colleague, patientNamed, sandboxUrl } from './test/sandboxPractice.js';

// The root README's "Use it in your app" snippet, rendered as it is shown (its own provider with
// baseUrl "/api/clinik", live updates on) against the real sandbox behind the real proxy. The
// only test aid is a `fetch` that resolves the same-origin path to the test proxy's origin, the
// way a browser resolves it against the page: still real HTTP.
const SNIPPET = new URL('../../../../apps/demo/snippets/embed-components.tsx', import.meta.url)
  .pathname;
const ZONE = 'America/New_York'; // the snippet's practice zone
const run = Date.now().toString(36);

let FrontDesk: ComponentType;
beforeAll(async () => {
  // Loaded by path: the snippet lives in the demo app and imports the package by its name.
  ({ FrontDesk } = (await import(/* @vite-ignore */ SNIPPET)) as { FrontDesk: ComponentType });
});

const sent: { method: string; path: string; body: unknown }[] = [];
function pageFetch(): typeof fetch {
  const origin = new URL(sandboxUrl()).origin;
  const network = globalThis.fetch;
  return async (input, init) => {
    const url = typeof input === 'string' && input.startsWith('/') ? `${origin}${input}` : input;
    const method = init?.method ?? 'GET';
    if (method !== 'GET') {
      sent.push({
        method,
        path: String(input),
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
      });
    }
    return network(url, init);
  };
}
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('README FrontDesk snippet', () => {
  it('books for the patient whose card is shown (select A, then B, then book)', async () => {
    const a = await patientNamed('Ann', `FrontDeskAlpha${run}`);
    const b = await patientNamed('Bob', `FrontDeskBeta${run}`);
    const y = colleague();
    const practitioner = await y.practitioners.create({
      firstName: 'Nia',
      lastName: `FrontDesk${run}`,
    });
    const schedule = await y.schedules.create({ actorIds: [practitioner.id], active: true });
    // Two days ahead in the practice's zone: free and in the future whatever the real clock says.
    const day = shiftDay(todayIn(ZONE), 2);
    const ten = addMinutes(startOfDayIn(day, ZONE), 10 * 60);
    const slot = await y.slots.create({
      scheduleId: schedule.id,
      status: 'free',
      start: toZonedIso(ten, ZONE),
      end: toZonedIso(addMinutes(ten, 30), ZONE),
    });

    vi.stubGlobal('fetch', pageFetch());
    const user = userEvent.setup({ delay: null });
    render(<FrontDesk />);

    await user.type(screen.getByRole('searchbox', { name: 'Search patients' }), `FrontDesk`);
    const table = screen.getByRole('table', { name: 'Patients' });
    await user.click(await within(table).findByRole('cell', { name: a.fullName }));
    await screen.findByRole('article', { name: a.fullName });
    await user.click(within(table).getByRole('cell', { name: b.fullName }));
    await screen.findByRole('article', { name: b.fullName });

    await user.type(screen.getByLabelText('Search practitioners'), `FrontDesk${run}`);
    await screen.findByRole('option', { name: practitioner.fullName });
    await user.selectOptions(screen.getByLabelText('Practitioner'), practitioner.fullName);
    const date = screen.getByLabelText('Date');
    await user.clear(date);
    await user.type(date, day);
    await user.click(await screen.findByRole('button', { name: '10:00 AM' }));
    // The card shown is still B's when the booking is made.
    expect(screen.getByRole('article', { name: b.fullName })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));

    // The form stays: its confirmation is announced and takes focus (never <body>).
    const booked = await screen.findByText(/^Booked for /, {}, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(booked));
    expect(booked.getAttribute('role')).toBe('status');
    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/api/clinik/v1/appointments',
        body: expect.objectContaining({ patientId: b.id, slotId: slot.id }),
      },
    ]);
    expect((await y.appointments.search({ patientId: b.id })).data).toEqual([
      expect.objectContaining({ slotId: slot.id, status: 'booked' }),
    ]);
    expect((await y.appointments.search({ patientId: a.id })).data).toEqual([]);
  });
});
