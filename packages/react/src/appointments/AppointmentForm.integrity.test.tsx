import { act, screen, waitFor, within } from '@testing-library/react';
import { type ReactElement, type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { recordingFetch } from '../test/recordingFetch.js';
import { renderWithClient } from '../test/renderWithClient.js';
import { AppointmentForm } from './AppointmentForm.js';
import {
  bookedBy,
  colleague,
  doctorWithSlots,
  PRACTICE_NOW,
  PRACTICE_ZONE,
  patientNamed,
  sandboxUrl,
} from './test/sandboxPractice.js';

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
