import { act, screen, waitFor, within } from '@testing-library/react';
import { type ReactElement, type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { clinikKeys } from '../../queries/keys.js';
import { axeViolations } from '../../test/axe.js';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import {
  bookedBy,
  colleague,
  doctorWithSlots,
  PRACTICE_NOW,
  PRACTICE_ZONE,
  patientNamed,
  sandboxUrl,
} from '../test/sandboxPractice.js';
import { AppointmentForm } from './AppointmentForm.js';

// Record identity and concurrency of the booking form against the real sandbox behind the real
// proxy (issue: no wrong-patient writes, no lost updates). The colleague writes through their own
// client; `recordingFetch` shows exactly what the form sent and can hold responses back.
const run = Date.now().toString(36);

/** The README's pattern: one form whose id follows a selection, with no `key`. */
function Switcher({
  first,
  second,
  children,
}: {
  first: string;
  second: string;
  children: (id: string) => ReactNode;
}) {
  const [id, setId] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setId(second)}>
        Select second
      </button>
      {children(id)}
    </>
  );
}

function render(ui: ReactElement, net = recordingFetch()) {
  const utils = renderWithClient(ui, {
    baseUrl: sandboxUrl(),
    timeZone: PRACTICE_ZONE,
    now: () => PRACTICE_NOW,
    clientOptions: { fetch: net.fetch },
  });
  return { ...utils, net };
}

const times = () => screen.getByRole('group', { name: 'Available times' });
const time = (name: string) => within(times()).findByRole('button', { name });
const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
/** The entries of one field in the "changed by someone else too" list: label, theirs, yours... */
const conflictOf = (list: HTMLElement, label: string) =>
  [...(within(list).getByText(label).parentElement?.children ?? [])].map((el) =>
    el.textContent?.replace(/\s/g, ' '),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function choosePractitioner(user: ReturnType<typeof render>['user'], fullName: string) {
  await user.type(field('Search practitioners'), fullName.split(' ').at(-1) ?? '');
  await screen.findByRole('option', { name: fullName });
  await user.selectOptions(field('Practitioner'), fullName);
}

describe('AppointmentForm follows patientId', () => {
  it('books for the patient selected last (README: select A, then B, then book)', async () => {
    const doctor = await doctorWithSlots(`Follow${run}`);
    const a = await patientNamed('Ann', `Alpha${run}`);
    const b = await patientNamed('Bob', `Beta${run}`);
    const onBooked = vi.fn();
    const { user, net } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => <AppointmentForm patientId={id} timeZone={PRACTICE_ZONE} onBooked={onBooked} />}
      </Switcher>,
    );
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    await choosePractitioner(user, doctor.practitioner.fullName);
    await user.click(await time('9:00 AM'));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));

    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(
      net.writes().map((w) => [w.method, (w.body as { patientId?: string }).patientId]),
    ).toEqual([['POST', b.id]]);
    const stored = await colleague().appointments.read(onBooked.mock.calls[0]?.[0].id);
    expect(stored).toMatchObject({ patientId: b.id, slotId: doctor.slots[0]?.id });
  });

  it('drops everything picked and typed for A when B is selected; nothing is sent for B until completed', async () => {
    const doctor = await doctorWithSlots(`Drop${run}`);
    const a = await patientNamed('Ann', `AlphaDrop${run}`);
    const b = await patientNamed('Bob', `BetaDrop${run}`);
    const { user, net } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => <AppointmentForm patientId={id} timeZone={PRACTICE_ZONE} />}
      </Switcher>,
    );
    await choosePractitioner(user, doctor.practitioner.fullName);
    await user.click(await time('9:30 AM'));
    await user.type(field('Reason'), 'Ann’s knee');

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(field('Reason').value).toBe('');
    expect(field('Practitioner').value).toBe('');
    expect(screen.queryByRole('button', { pressed: true })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(screen.getByRole('alert').textContent).toBe('Please correct the highlighted fields.');
    await sleep(200);
    expect(net.writes()).toEqual([]);
  });

  it('a booking in flight for A lands for A only: B’s form shows no result and onBooked is not called', async () => {
    const doctor = await doctorWithSlots(`Flight${run}`);
    const a = await patientNamed('Ann', `AlphaFlight${run}`);
    const b = await patientNamed('Bob', `BetaFlight${run}`);
    const net = recordingFetch();
    net.delay('POST', /\/appointments$/, 800);
    const onBooked = vi.fn();
    const { user } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => (
          <AppointmentForm
            patientId={id}
            practitionerId={doctor.practitioner.id}
            timeZone={PRACTICE_ZONE}
            onBooked={onBooked}
          />
        )}
      </Switcher>,
      net,
    );
    await user.click(await time('10:00 AM'));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    // B's form is not busy with A's booking.
    expect(screen.getByRole('button', { name: 'Book appointment' })).toHaveProperty(
      'disabled',
      false,
    );
    await sleep(1200);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.queryByRole('alert')?.textContent ?? '').toBe('');
    expect(onBooked).not.toHaveBeenCalled();
    expect(net.writes().map((w) => (w.body as { patientId: string }).patientId)).toEqual([a.id]);
    const forA = await colleague().appointments.search({ patientId: a.id });
    expect(forA.data.map((x) => x.slotId)).toEqual([doctor.slots[2]?.id]);
    expect((await colleague().appointments.search({ patientId: b.id })).data).toEqual([]);
  });
});

describe('AppointmentForm follows practitionerId', () => {
  it('never books the first practitioner’s time once the second is selected, slow times included', async () => {
    const first = await doctorWithSlots(`First${run}`);
    const second = await doctorWithSlots(`Second${run}`);
    const a = await patientNamed('Ann', `AlphaPrac${run}`);
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/slots\\?.*practitionerId=${second.practitioner.id}`), 1000);
    const onBooked = vi.fn();
    const { user } = render(
      <Switcher first={first.practitioner.id} second={second.practitioner.id}>
        {(id) => (
          <AppointmentForm
            patientId={a.id}
            practitionerId={id}
            timeZone={PRACTICE_ZONE}
            onBooked={onBooked}
          />
        )}
      </Switcher>,
      net,
    );
    await user.click(await time('9:00 AM'));
    await user.type(field('Reason'), 'For the first');
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    // The second practitioner's times are loading: nothing of the first is shown or sent.
    expect(within(times()).queryByRole('button')).toBeNull();
    expect(field('Reason').value).toBe('');
    act(() => {
      screen.getByRole('button', { name: 'Book appointment' }).closest('form')?.requestSubmit();
    });
    await user.click(await time('9:30 AM'));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(net.writes().map((w) => w.body)).toEqual([
      expect.objectContaining({
        patientId: a.id,
        practitionerId: second.practitioner.id,
        slotId: second.slots[1]?.id,
      }),
    ]);
    expect(net.writes()[0]?.body).not.toHaveProperty('reasonCode');
    expect((await colleague().slots.read(first.slots[0]?.id ?? '')).status).toBe('free');
  });
});

describe('AppointmentForm follows appointmentId (reschedule)', () => {
  it('drops the pick for X when Y is selected while Y loads slowly; PATCHes Y with the time only', async () => {
    const doctor = await doctorWithSlots(`Move${run}`, { count: 6 });
    const a = await patientNamed('Ann', `AlphaMove${run}`);
    const b = await patientNamed('Bob', `BetaMove${run}`);
    const x = await bookedBy(a.id, doctor, doctor.slots[0] as never, { reasonCode: 'Ann’s visit' });
    const y = await bookedBy(b.id, doctor, doctor.slots[1] as never, { reasonCode: 'Bob’s visit' });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/appointments/${y.id}$`), 1000);
    const onBooked = vi.fn();
    const { user } = render(
      <Switcher first={x.id} second={y.id}>
        {(id) => (
          <AppointmentForm appointmentId={id} timeZone={PRACTICE_ZONE} onBooked={onBooked} />
        )}
      </Switcher>,
      net,
    );
    await waitFor(() => expect(field('Reason').value).toBe('Ann’s visit'));
    await user.click(await time('10:00 AM'));
    await user.type(field('Note'), 'typed for X');

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.getByText('Loading appointment…')).toBeTruthy();
    expect(screen.queryByLabelText('Note')).toBeNull();

    await waitFor(() => expect(field('Reason').value).toBe('Bob’s visit'), { timeout: 5000 });
    expect(field('Note').value).toBe('');
    expect(screen.queryByRole('button', { pressed: true })).toBeNull();
    await user.click(await time('10:30 AM'));
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));

    const patches = net.writes();
    expect(patches.map((w) => [w.method, w.path])).toEqual([
      ['PATCH', `/api/clinik/v1/appointments/${y.id}`],
    ]);
    expect(patches[0]?.body).toEqual({
      slotId: doctor.slots[3]?.id,
      start: doctor.slots[3]?.start,
      end: doctor.slots[3]?.end,
      minutesDuration: 30,
    });
    expect(await colleague().appointments.read(x.id)).toMatchObject({
      slotId: doctor.slots[0]?.id,
      reasonCode: 'Ann’s visit',
    });
    expect(await colleague().appointments.read(x.id)).not.toHaveProperty('comment');
  });

  it('a reschedule in flight for X lands in X only; Y’s form is untouched', async () => {
    const doctor = await doctorWithSlots(`MoveFlight${run}`, { count: 6 });
    const a = await patientNamed('Ann', `AlphaMoveFlight${run}`);
    const x = await bookedBy(a.id, doctor, doctor.slots[0] as never, { reasonCode: 'X' });
    const y = await bookedBy(a.id, doctor, doctor.slots[1] as never, { reasonCode: 'Y' });
    const net = recordingFetch();
    net.delay('PATCH', /\/appointments\//, 800);
    const onBooked = vi.fn();
    const { user } = render(
      <Switcher first={x.id} second={y.id}>
        {(id) => (
          <AppointmentForm appointmentId={id} timeZone={PRACTICE_ZONE} onBooked={onBooked} />
        )}
      </Switcher>,
      net,
    );
    await waitFor(() => expect(field('Reason').value).toBe('X'));
    await user.click(await time('10:00 AM'));
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    await waitFor(() => expect(field('Reason').value).toBe('Y'));
    await sleep(1200);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(onBooked).not.toHaveBeenCalled();
    expect(net.writes().map((w) => w.path)).toEqual([`/api/clinik/v1/appointments/${x.id}`]);
    expect((await colleague().appointments.read(x.id)).slotId).toBe(doctor.slots[2]?.id);
    expect((await colleague().appointments.read(y.id)).slotId).toBe(doctor.slots[1]?.id);
  });
});

describe('AppointmentForm announces a picked time that disappears', () => {
  it('a colleague books the picked time: announced, every other entry kept, Book says so again', async () => {
    const doctor = await doctorWithSlots(`Taken${run}`);
    const a = await patientNamed('Ann', `AlphaTaken${run}`);
    const b = await patientNamed('Bob', `BetaTaken${run}`);
    const { user, net, queryClient } = render(
      <AppointmentForm
        patientId={a.id}
        practitionerId={doctor.practitioner.id}
        timeZone={PRACTICE_ZONE}
      />,
    );
    await user.click(await time('9:30 AM'));
    await user.type(field('Reason'), 'Knee');
    await bookedBy(b.id, doctor, doctor.slots[1] as never);
    // The live stream (or any refetch) brings the slot back busy.
    await act(() => queryClient.invalidateQueries({ queryKey: clinikKeys.lists('slots') }));

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'That time was just booked by someone else. The free times are refreshed: pick another one; your other entries are kept.',
      ),
    );
    expect(within(times()).queryByRole('button', { name: '9:30 AM' })).toBeNull();
    expect(field('Reason').value).toBe('Knee');
    expect(document.activeElement).toBe(field('Reason'));
    await user.click(screen.getByRole('button', { name: 'Book appointment' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^That time was just booked/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert')));
    expect(net.writes()).toEqual([]);
  });
});

describe('AppointmentForm reschedule never loses a colleague’s update', () => {
  async function openReschedule(label: string, extra: Record<string, string> = {}) {
    const doctor = await doctorWithSlots(`${label}${run}`, { count: 4 });
    const a = await patientNamed('Ann', `Alpha${label}${run}`);
    const x = await bookedBy(a.id, doctor, doctor.slots[0] as never, {
      reasonCode: 'Check-up',
      comment: 'Bring glasses',
      ...extra,
    });
    const net = recordingFetch();
    const onBooked = vi.fn();
    const utils = render(
      <AppointmentForm appointmentId={x.id} timeZone={PRACTICE_ZONE} onBooked={onBooked} />,
      net,
    );
    await waitFor(() => expect(field('Reason').value).toBe('Check-up'));
    return { ...utils, doctor, x, onBooked };
  }

  it('sends only the new time, with If-Match of the version it loaded', async () => {
    const { user, net, doctor, x, onBooked } = await openReschedule('Only');
    await user.click(await time('10:00 AM'));
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    const [patch] = net.writes();
    expect(patch?.body).toEqual({
      slotId: doctor.slots[2]?.id,
      start: doctor.slots[2]?.start,
      end: doctor.slots[2]?.end,
      minutesDuration: 30,
    });
    expect(patch?.headers.get('if-match')).toMatch(/^W\/"\d+"$/);
    expect(await colleague().appointments.read(x.id)).toMatchObject({
      slotId: doctor.slots[2]?.id,
      reasonCode: 'Check-up',
      comment: 'Bring glasses',
      status: 'booked',
    });
  });

  it('a colleague’s change in between: nothing written, theirs next to yours, typed kept, re-applied on the next submit', async () => {
    const { user, net, doctor, x, onBooked, container } = await openReschedule('Both');
    await user.clear(field('Reason'));
    await user.type(field('Reason'), 'Knee pain');
    await user.click(await time('10:00 AM'));
    await colleague().appointments.update(x.id, {
      reasonCode: 'Back pain',
      comment: 'Colleague note',
    });
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));

    const alert = screen.getByRole('alert');
    await waitFor(() =>
      expect(alert.textContent).toMatch(/^Someone else changed this appointment/),
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    const list = screen.getByRole('region', { name: 'Changed by someone else too' });
    expect(conflictOf(list, 'Reason')).toEqual([
      'Reason',
      'Stored now: Back pain',
      'Yours: Knee pain',
      'Keep stored reason',
    ]);
    expect(await axeViolations(container)).toEqual([]);
    expect(field('Reason').value).toBe('Knee pain');
    expect(field('Note').value).toBe('Colleague note');
    expect(screen.getByRole('button', { name: '10:00 AM' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(onBooked).not.toHaveBeenCalled();
    expect(await colleague().appointments.read(x.id)).toMatchObject({
      slotId: doctor.slots[0]?.id,
      reasonCode: 'Back pain',
    });

    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() => expect(onBooked).toHaveBeenCalledTimes(1));
    expect(net.writes().at(-1)?.body).toEqual({
      slotId: doctor.slots[2]?.id,
      start: doctor.slots[2]?.start,
      end: doctor.slots[2]?.end,
      minutesDuration: 30,
      reasonCode: 'Knee pain',
    });
    expect(await colleague().appointments.read(x.id)).toMatchObject({
      slotId: doctor.slots[2]?.id,
      reasonCode: 'Knee pain',
      comment: 'Colleague note',
    });
  });

  it('a colleague moved it meanwhile: shows their time next to the one picked', async () => {
    const { user, doctor, x, onBooked } = await openReschedule('Moved');
    await user.click(await time('10:00 AM'));
    await colleague().appointments.update(x.id, {
      slotId: doctor.slots[1]?.id,
      start: doctor.slots[1]?.start,
      end: doctor.slots[1]?.end,
    });
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    const list = await screen.findByRole('region', { name: 'Changed by someone else too' });
    expect(conflictOf(list, 'Time')).toEqual([
      'Time',
      'Stored now: Wed, Feb 3, 2027, 9:30 AM GMT+5:30',
      'Yours: Wed, Feb 3, 2027, 10:00 AM GMT+5:30',
    ]);
    expect(onBooked).not.toHaveBeenCalled();
    expect((await colleague().appointments.read(x.id)).slotId).toBe(doctor.slots[1]?.id);
  });

  it('a newer copy while editing updates untouched fields, keeps typed ones, and says so', async () => {
    const { user, queryClient, x } = await openReschedule('Refetch');
    await user.clear(field('Reason'));
    await user.type(field('Reason'), 'Typed');
    await colleague().appointments.update(x.id, { reasonCode: 'Theirs', comment: 'New note' });
    await act(() =>
      queryClient.invalidateQueries({ queryKey: clinikKeys.detail('appointments', x.id) }),
    );

    await waitFor(() => expect(field('Note').value).toBe('New note'));
    expect(field('Reason').value).toBe('Typed');
    expect(
      screen.getByText(
        'This appointment was changed elsewhere (Reason, Note). Fields you did not edit show the new values.',
      ),
    ).toBeTruthy();
    const list = screen.getByRole('region', { name: 'Changed by someone else too' });
    expect(conflictOf(list, 'Reason')).toEqual([
      'Reason',
      'Stored now: Theirs',
      'Yours: Typed',
      'Keep stored reason',
    ]);
    await user.click(within(list).getByRole('button', { name: 'Keep stored reason' }));
    expect(field('Reason').value).toBe('Theirs');
  });

  it('cancelled meanwhile: refuses to move it and says why', async () => {
    const { user, net, x, onBooked } = await openReschedule('Cancelled');
    await user.click(await time('10:00 AM'));
    await colleague().appointments.update(x.id, { status: 'cancelled' });
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe(
        'This appointment is now cancelled and can no longer be rescheduled.',
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Reschedule appointment' }));
    expect(net.writes()).toHaveLength(1); // the refused If-Match attempt only
    expect(onBooked).not.toHaveBeenCalled();
    expect(await colleague().appointments.read(x.id)).toMatchObject({ status: 'cancelled' });
  });
});
