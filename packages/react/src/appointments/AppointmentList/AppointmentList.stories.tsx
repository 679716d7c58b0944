import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { SchedulingApi } from '../test/schedulingApi.js';
import { KOLKATA, KOLKATA_NOW, kolkataPractice } from '../test/schedulingScenario.js';
import { withScheduling } from '../test/storybook.js';
import { AppointmentList } from './AppointmentList.js';

const kolkata = { seed: kolkataPractice, timeZone: KOLKATA, now: KOLKATA_NOW };

const meta = {
  title: 'Appointments/AppointmentList',
  component: AppointmentList,
  args: { patientId: 'pat-ada' },
  decorators: [withScheduling(kolkata)],
} satisfies Meta<typeof AppointmentList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Wednesday, June 17, 2026' });
    await expect(canvas.getByRole('region', { name: 'Appointments' })).toBeVisible();
  },
};

export const ByPractitioner: Story = { args: { patientId: undefined, practitionerId: 'prac-rao' } };

export const Cancelling: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel appointment' }));
    await userEvent.type(canvas.getByLabelText('Reason for cancelling'), 'Travelling');
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm cancellation' }));
    await canvas.findByText('Cancelled');
  },
};

let changingApi: SchedulingApi | undefined;
/** The appointment changed after the list showed it: the panel says what it is now and asks. */
export const CancelAfterChange: Story = {
  decorators: [withScheduling({ ...kolkata, expose: (api) => (changingApi = api) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel appointment' }));
    await userEvent.type(canvas.getByLabelText('Reason for cancelling'), 'Travelling');
    if (changingApi) {
      changingApi.state.appointments = changingApi.state.appointments.map((a) =>
        a.id === 'appt-next' ? { ...a, status: 'arrived', updatedAt: new Date().toISOString() } : a,
      );
    }
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm cancellation' }));
    await waitFor(() =>
      expect(canvas.getByRole('alert')).toHaveTextContent(/It is now: Arrived.*Cancel it anyway\?/),
    );
    await expect(canvas.getByRole('button', { name: 'Cancel it anyway' })).toBeVisible();
  },
};

export const Empty: Story = { args: { patientId: 'pat-alan' } };

export const Loading: Story = {
  decorators: [withScheduling({ ...kolkata, setup: (api) => void api.hold() })],
};

export const ErrorWithRetry: Story = {
  decorators: [withScheduling({ ...kolkata, setup: (api) => api.failNext(2, 500) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Could not load appointments.',
    );
  },
};
