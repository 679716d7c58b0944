import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  doctorWithSlots,
  PRACTICE_NOW,
  PRACTICE_ZONE,
  patientNamed,
  sandboxUrl,
} from '../test/sandboxPractice.js';
import { AppointmentForm } from './AppointmentForm.js';

// Keyboard and screen-reader behaviour of booking against the real sandbox, with slow responses:
// where focus is after each key press, and what the live regions say.
const run = Date.now().toString(36);

describe('AppointmentForm focus and announcements', () => {
  it('keeps focus while booking, then focuses "Booked for …"; pressing again does not turn it into an error', async () => {
    const doctor = await doctorWithSlots(`Keys${run}`);
    const patient = await patientNamed('Kay', `Keys${run}`);
    const net = recordingFetch();
    net.delay('GET', /\/slots/, 600); // slow free-time lists: the booked time leaves them late
    net.delay('POST', /\/appointments$/, 400);
    const onBooked = vi.fn();
    const { user } = renderWithClient(
      <AppointmentForm
        patientId={patient.id}
        practitionerId={doctor.practitioner.id}
        timeZone={PRACTICE_ZONE}
        onBooked={onBooked}
      />,
      {
        baseUrl: sandboxUrl(),
        timeZone: PRACTICE_ZONE,
        now: () => PRACTICE_NOW,
        clientOptions: { fetch: net.fetch },
      },
    );
    const times = screen.getByRole('group', { name: 'Available times' });
    const slot = await within(times).findByRole('button', { name: '9:00 AM' }, { timeout: 5000 });
    slot.focus();
    await user.keyboard('{Enter}');
    expect(slot.getAttribute('aria-pressed')).toBe('true');
    const book = screen.getByRole('button', { name: 'Book appointment' });
    book.focus();
    await user.keyboard('{Enter}');

    // While the request runs the pressed button keeps focus; a second press sends nothing.
    expect(book.textContent).toBe('Booking…');
    expect(book.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(book);
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(book);

    const status = screen.getByRole('status', { name: '' });
    await waitFor(() => expect(status.textContent).toMatch(/^Booked for Wed, Feb 3, 2027, 9:00/), {
      timeout: 5000,
    });
    expect(document.activeElement).toBe(status);
    expect(screen.getByRole('alert').textContent).toBe('');
    // The booked time leaves the (slow) list of free times; the confirmation stays.
    await waitFor(
      () => expect(within(times).queryByRole('button', { name: '9:00 AM' })).toBeNull(),
      {
        timeout: 5000,
      },
    );
    expect(status.textContent).toMatch(/^Booked for/);
    expect(screen.getByRole('alert').textContent).toBe('');

    // The button pressed again with nothing new picked: still booked, no "correct the fields".
    book.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('');
    expect(status.textContent).toMatch(/^Booked for/);
    expect(net.writes()).toHaveLength(1);
    expect(onBooked).toHaveBeenCalledTimes(1);
  });
});
