import type { Meta, StoryObj } from '@storybook/react-vite';
import { focusManager } from '@tanstack/react-query';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { SchedulingApi } from '../test/schedulingApi.js';
import {
  FALL_BACK_NOW,
  KOLKATA,
  KOLKATA_NOW,
  kolkataPractice,
  NEW_YORK,
  newYorkFallBackPractice,
} from '../test/schedulingScenario.js';
import { withScheduling } from '../test/storybook.js';
import { AppointmentForm } from './AppointmentForm.js';

const kolkata = { seed: kolkataPractice, timeZone: KOLKATA, now: KOLKATA_NOW };

const meta = {
  title: 'Appointments/AppointmentForm',
  component: AppointmentForm,
  args: { patientId: 'pat-ada', onBooked: fn() },
  decorators: [withScheduling(kolkata)],
} satisfies Meta<typeof AppointmentForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A practice in Asia/Kolkata at 09:40 local time: past slots are not offered. */
export const Booking: Story = {
  args: { practitionerId: 'prac-rao' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '10:30 AM' }));
    await expect(canvas.queryByRole('button', { name: '9:00 AM' })).toBeNull();
    await userEvent.type(canvas.getByLabelText('Reason'), 'Blood pressure review');
    await userEvent.click(canvas.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(args.onBooked).toHaveBeenCalled());
    await expect(canvas.getByRole('status')).toHaveTextContent(/Booked for/);
  },
};

export const PickPractitioner: Story = {};

export const PickPatient: Story = { args: { patientId: undefined } };

let racingApi: SchedulingApi | undefined;
/** Someone else takes the slot between display and submit: 409, refreshed times, entries kept. */
export const SlotTakenMeanwhile: Story = {
  args: { practitionerId: 'prac-rao' },
  decorators: [withScheduling({ ...kolkata, expose: (api) => (racingApi = api) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '11:00 AM' }));
    await userEvent.type(canvas.getByLabelText('Reason'), 'Cough');
    racingApi?.takeSlot('rao-0616-4');
    await userEvent.click(canvas.getByRole('button', { name: 'Book appointment' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/just booked/));
    await waitFor(() => expect(canvas.queryByRole('button', { name: '11:00 AM' })).toBeNull());
    await expect(canvas.getByLabelText('Reason')).toHaveValue('Cough');
  },
};

let openApi: SchedulingApi | undefined;
/**
 * The picked time is booked by someone else while the form is open; the next refresh (here: the
 * window regaining focus, as with the live stream) announces it and keeps every other entry.
 */
export const TimeTakenWhileOpen: Story = {
  args: { practitionerId: 'prac-rao' },
  decorators: [withScheduling({ ...kolkata, expose: (api) => (openApi = api) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: '11:00 AM' }));
    await userEvent.type(canvas.getByLabelText('Reason'), 'Cough');
    openApi?.takeSlot('rao-0616-4');
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    focusManager.setFocused(undefined);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(/just booked/));
    await expect(canvas.queryByRole('button', { name: '11:00 AM' })).toBeNull();
    await expect(canvas.getByLabelText('Reason')).toHaveValue('Cough');
  },
};

export const Rescheduling: Story = {
  args: { appointmentId: 'appt-next', patientId: undefined },
};

let rescheduleApi: SchedulingApi | undefined;
/**
 * Rescheduling while reception edits the same appointment: nothing is written, their reason is
 * shown next to the one typed here, the typed one stays, and "Reschedule" again applies it.
 */
export const RescheduleConflict: Story = {
  args: { appointmentId: 'appt-next', patientId: undefined },
  decorators: [withScheduling({ ...kolkata, expose: (api) => (rescheduleApi = api) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const reason = await canvas.findByLabelText('Reason');
    await waitFor(() => expect(reason).toHaveValue('Night shift follow-up'));
    await userEvent.clear(reason);
    await userEvent.type(reason, 'Sleep review');
    await userEvent.click(await canvas.findByRole('button', { name: '9:30 AM' }));
    if (rescheduleApi) {
      rescheduleApi.state.appointments = rescheduleApi.state.appointments.map((a) =>
        a.id === 'appt-next'
          ? { ...a, reasonCode: 'Changed by reception', updatedAt: new Date().toISOString() }
          : a,
      );
    }
    await userEvent.click(canvas.getByRole('button', { name: 'Reschedule appointment' }));
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(/Someone else changed this appointment/),
    );
    const list = canvas.getByRole('region', { name: 'Changed by someone else too' });
    await expect(list).toHaveTextContent('Stored now: Changed by reception');
    await expect(list).toHaveTextContent('Yours: Sleep review');
    await expect(reason).toHaveValue('Sleep review');
  },
};

export const LoadingTimes: Story = {
  args: { practitionerId: 'prac-rao' },
  decorators: [withScheduling({ ...kolkata, setup: (api) => void api.hold() })],
};

/** America/New_York on Sunday November 1, 2026: 1:00-2:00 AM happens twice (EDT, then EST). */
export const FallBackDay: Story = {
  args: { practitionerId: 'prac-rao', timeZone: NEW_YORK },
  decorators: [
    withScheduling({ seed: newYorkFallBackPractice, timeZone: NEW_YORK, now: FALL_BACK_NOW }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const date = canvas.getByLabelText('Date');
    await userEvent.clear(date);
    await userEvent.type(date, '2026-11-01');
    await canvas.findByRole('button', { name: /1:00\sAM EDT/ });
    await expect(canvas.getByRole('button', { name: /1:00\sAM EST/ })).toBeVisible();
  },
};
