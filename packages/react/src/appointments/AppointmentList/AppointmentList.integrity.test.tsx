import type { Appointment } from '@clinikapi/core';
import { screen, waitFor, within } from '@testing-library/react';
import { type ReactElement, type ReactNode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { recordingFetch } from '../../test/recordingFetch.js';
import { renderWithClient } from '../../test/renderWithClient.js';
import { AppointmentAgenda } from '../AppointmentAgenda/AppointmentAgenda.js';
import { defaultAppointmentMessages } from '../appointmentMessages.js';
import {
  bookedBy,
  colleague,
  doctorWithSlots,
  PRACTICE_DAY,
  PRACTICE_NOW,
  PRACTICE_ZONE,
  patientNamed,
  sandboxUrl,
} from '../test/sandboxPractice.js';
import { AppointmentList } from './AppointmentList.js';
import { CancelAppointmentPanel } from './CancelAppointmentPanel.js';

// Every id-taking appointment view follows its id (switched mid-flight, slow responses included),
// and a cancel applies only to the version the user saw. Real sandbox behind the real proxy.
const run = Date.now().toString(36);

function Switcher<T>({
  first,
  second,
  children,
}: {
  first: T;
  second: T;
  children: (value: T) => ReactNode;
}) {
  const [value, setValue] = useState(first);
  return (
    <>
      <button type="button" onClick={() => setValue(second)}>
        Select second
      </button>
      {children(value)}
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const rowOf = async (text: string) => (await screen.findByText(text)).closest('li') as HTMLElement;

describe('AppointmentList follows its owner', () => {
  it('never shows A’s appointments under B, and A’s open cancel panel goes away', async () => {
    const doctor = await doctorWithSlots(`ListPat${run}`);
    const a = await patientNamed('Ann', `AlphaList${run}`);
    const b = await patientNamed('Bob', `BetaList${run}`);
    await bookedBy(a.id, doctor, doctor.slots[0] as never, { reasonCode: `A visit ${run}` });
    await bookedBy(b.id, doctor, doctor.slots[1] as never, { reasonCode: `B visit ${run}` });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`/appointments\\?.*patientId=${b.id}`), 1000);
    const { user } = render(
      <Switcher first={a.id} second={b.id}>
        {(id) => <AppointmentList patientId={id} timeZone={PRACTICE_ZONE} />}
      </Switcher>,
      net,
    );
    const row = await rowOf(`A visit ${run}`);
    await user.click(within(row).getByRole('button', { name: 'Cancel appointment' }));
    await user.type(within(row).getByLabelText('Reason for cancelling'), 'Typed for A');

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.queryByText(`A visit ${run}`)).toBeNull();
    expect(screen.queryByLabelText('Reason for cancelling')).toBeNull();
    expect(screen.getByText('Loading appointments…')).toBeTruthy();
    expect(await screen.findByText(`B visit ${run}`, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText(`A visit ${run}`)).toBeNull();
    expect(screen.queryByLabelText('Reason for cancelling')).toBeNull();
    expect(net.writes()).toEqual([]);
  });

  it('never shows the first practitioner’s appointments under the second; an open reschedule goes away', async () => {
    const first = await doctorWithSlots(`ListFirst${run}`);
    const second = await doctorWithSlots(`ListSecond${run}`);
    const a = await patientNamed('Ann', `AlphaListPrac${run}`);
    await bookedBy(a.id, first, first.slots[0] as never, { reasonCode: `First ${run}` });
    await bookedBy(a.id, second, second.slots[0] as never, { reasonCode: `Second ${run}` });
    const net = recordingFetch();
    net.delay(
      'GET',
      new RegExp(`/appointments\\?.*practitionerId=${second.practitioner.id}`),
      1000,
    );
    const { user } = render(
      <Switcher first={first.practitioner.id} second={second.practitioner.id}>
        {(id) => <AppointmentList practitionerId={id} timeZone={PRACTICE_ZONE} />}
      </Switcher>,
      net,
    );
    const row = await rowOf(`First ${run}`);
    await user.click(within(row).getByRole('button', { name: 'Reschedule' }));
    await within(row).findByRole('button', { name: '9:30 AM' });

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(screen.queryByText(`First ${run}`)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reschedule appointment' })).toBeNull();
    expect(await screen.findByText(`Second ${run}`, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByText(`First ${run}`)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reschedule appointment' })).toBeNull();
    expect(net.writes()).toEqual([]);
  });
});

describe('AppointmentAgenda follows practitionerId', () => {
  it('never shows the first practitioner’s schedule under the second, slow responses included', async () => {
    const first = await doctorWithSlots(`AgendaFirst${run}`, { count: 2 });
    const second = await doctorWithSlots(`AgendaSecond${run}`, { count: 3, from: '14:00' });
    const a = await patientNamed('Ann', `AlphaAgenda${run}`);
    await bookedBy(a.id, first, first.slots[0] as never, { reasonCode: `First agenda ${run}` });
    const net = recordingFetch();
    net.delay('GET', new RegExp(`practitionerId=${second.practitioner.id}`), 1000);
    const { user } = render(
      <Switcher first={first.practitioner.id} second={second.practitioner.id}>
        {(id) => (
          <AppointmentAgenda
            practitionerId={id}
            timeZone={PRACTICE_ZONE}
            defaultView="day"
            defaultDay={PRACTICE_DAY}
          />
        )}
      </Switcher>,
      net,
    );
    const day = () => screen.getByRole('region', { name: 'Wednesday, February 3, 2027' });
    const entries = () =>
      [...day().querySelectorAll('.ck-agenda-entry')].map((e) =>
        e.textContent?.replace(/\s/g, ' '),
      );
    await screen.findByRole('heading', { name: `Agenda of ${first.practitioner.fullName}` });
    await waitFor(() => expect(entries()).toHaveLength(2));
    expect(entries()[0]).toContain(`First agenda ${run}`);

    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(entries()).toEqual([]);
    expect(screen.queryByText(`First agenda ${run}`)).toBeNull();
    expect(
      screen.queryByRole('heading', { name: `Agenda of ${first.practitioner.fullName}` }),
    ).toBeNull();
    await screen.findByRole('heading', { name: `Agenda of ${second.practitioner.fullName}` });
    await waitFor(() => expect(entries()).toHaveLength(3), { timeout: 5000 });
    expect(entries().every((e) => e?.includes('PM') && e.includes('Free'))).toBe(true);
  });
});

describe('CancelAppointmentPanel cancels only the version the user saw', () => {
  async function listWith(label: string) {
    const doctor = await doctorWithSlots(`Cancel${label}${run}`);
    const a = await patientNamed('Ann', `AlphaCancel${label}${run}`);
    const x = await bookedBy(a.id, doctor, doctor.slots[0] as never, {
      reasonCode: `Cancel ${label} ${run}`,
    });
    const net = recordingFetch();
    const utils = render(<AppointmentList patientId={a.id} timeZone={PRACTICE_ZONE} />, net);
    const row = await rowOf(`Cancel ${label} ${run}`);
    await utils.user.click(within(row).getByRole('button', { name: 'Cancel appointment' }));
    await utils.user.type(within(row).getByLabelText('Reason for cancelling'), 'Recovered');
    return { ...utils, doctor, x, row };
  }

  it('cancels the version shown, guarded by the version the API reports for it', async () => {
    const { user, net, x, row } = await listWith('Plain');
    await user.click(within(row).getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() => expect(within(row).getByText('Cancelled')).toBeTruthy());
    const [patch] = net.writes();
    expect(patch?.body).toEqual({ status: 'cancelled', cancelationReason: 'Recovered' });
    expect(patch?.headers.get('if-match')).toMatch(/^W\/"\d+"$/);
    expect((await colleague().appointments.read(x.id)).status).toBe('cancelled');
  });

  it('moved by a colleague after it was shown: says what it is now and asks before cancelling', async () => {
    const { user, net, doctor, x, row } = await listWith('Moved');
    await colleague().appointments.update(x.id, {
      slotId: doctor.slots[2]?.id,
      start: doctor.slots[2]?.start,
      end: doctor.slots[2]?.end,
    });
    await user.click(within(row).getByRole('button', { name: 'Confirm cancellation' }));
    const alert = within(row).getByRole('alert');
    await waitFor(() =>
      expect(alert.textContent?.replace(/\s/g, ' ')).toBe(
        'This appointment changed since you opened it; nothing was cancelled. It is now: Booked, Wed, Feb 3, 2027, 10:00 AM GMT+5:30. Cancel it anyway?',
      ),
    );
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(net.writes()).toEqual([]);
    expect((await colleague().appointments.read(x.id)).status).toBe('booked');
    expect(within(row).getByLabelText('Reason for cancelling')).toHaveProperty(
      'value',
      'Recovered',
    );

    await user.click(within(row).getByRole('button', { name: 'Cancel it anyway' }));
    await waitFor(async () =>
      expect(await colleague().appointments.read(x.id)).toMatchObject({
        status: 'cancelled',
        cancelationReason: 'Recovered',
        slotId: doctor.slots[2]?.id,
      }),
    );
    expect(net.writes()).toHaveLength(1);
  });

  it('already cancelled meanwhile: says so and offers nothing to confirm', async () => {
    const { user, net, x, row } = await listWith('Twice');
    await colleague().appointments.update(x.id, {
      status: 'cancelled',
      cancelationReason: 'Called in',
    });
    await user.click(within(row).getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() =>
      expect(within(row).getByRole('alert').textContent?.replace(/\s/g, ' ')).toBe(
        'Someone else already cancelled this appointment (Cancelled, Wed, Feb 3, 2027, 9:00 AM GMT+5:30).',
      ),
    );
    expect(within(row).queryByRole('button', { name: /Cancel it anyway|Confirm/ })).toBeNull();
    expect(net.writes()).toEqual([]);
    expect((await colleague().appointments.read(x.id)).cancelationReason).toBe('Called in');
    await user.click(within(row).getByRole('button', { name: 'Close' }));
    expect(within(row).queryByLabelText('Reason for cancelling')).toBeNull();
  });

  it('arrived meanwhile: asks first', async () => {
    const { user, net, x, row } = await listWith('Arrived');
    await colleague().appointments.update(x.id, { status: 'arrived' });
    await user.click(within(row).getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() =>
      expect(within(row).getByRole('alert').textContent).toContain('It is now: Arrived'),
    );
    expect(net.writes()).toEqual([]);
    expect((await colleague().appointments.read(x.id)).status).toBe('arrived');
  });
});

describe('CancelAppointmentPanel follows its appointment', () => {
  it('drops the reason typed for X when Y is shown; a cancel in flight for X never reports for Y', async () => {
    const doctor = await doctorWithSlots(`PanelSwitch${run}`);
    const a = await patientNamed('Ann', `AlphaPanel${run}`);
    const x = await bookedBy(a.id, doctor, doctor.slots[0] as never);
    const y = await bookedBy(a.id, doctor, doctor.slots[1] as never);
    const net = recordingFetch();
    net.delay('PATCH', /\/appointments\//, 800);
    const onDone = vi.fn();
    const { user } = render(
      <Switcher<Appointment> first={x} second={y}>
        {(appointment) => (
          <CancelAppointmentPanel
            appointment={appointment}
            messages={defaultAppointmentMessages}
            onDone={onDone}
          />
        )}
      </Switcher>,
      net,
    );
    const reason = () => screen.getByLabelText<HTMLInputElement>('Reason for cancelling');
    await user.type(reason(), 'For X');
    await user.click(screen.getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() => expect(net.writes()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Select second' }));
    expect(reason().value).toBe('');
    await sleep(1200);
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('');

    await user.type(reason(), 'For Y');
    await user.click(screen.getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(true));
    expect(net.writes().map((w) => [w.path, w.body])).toEqual([
      [`/api/clinik/v1/appointments/${x.id}`, { status: 'cancelled', cancelationReason: 'For X' }],
      [`/api/clinik/v1/appointments/${y.id}`, { status: 'cancelled', cancelationReason: 'For Y' }],
    ]);
  });
});
