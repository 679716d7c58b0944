import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { STORY_PATIENT, storyChart } from '../test/fixtures.js';
import { MedicationList } from './MedicationList.js';

const meta = {
  title: 'Medications/MedicationList',
  component: MedicationList,
  args: { patientId: STORY_PATIENT, onEdit: fn(), onStatusChanged: fn() },
  decorators: [withChart({ seed: storyChart })],
} satisfies Meta<typeof MedicationList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('3 prescriptions.');
    const current = canvas.getByRole('table', { name: 'Current' });
    await expect(current).toHaveTextContent('1 tablet, Oral route, once a day');
    await expect(current).toHaveTextContent('Reason: Patient scheduled for surgery');
    await expect(canvas.getByRole('table', { name: 'Past' })).toHaveTextContent(
      '400 mg, every 8 hours, as needed',
    );
  },
};

export const Loading: Story = {
  decorators: [withChart({ seed: storyChart, setup: (api) => void api.hold() })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading medications…');
  },
};

export const Empty: Story = {
  decorators: [withChart({ seed: () => storyChart([]) })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No prescriptions recorded.');
  },
};

export const LoadError: Story = {
  decorators: [withChart({ seed: storyChart, setup: (api) => api.failNext(1, 503) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/^Could not load the medications\. The service is unavailable/);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await canvas.findByText('3 prescriptions.');
  },
};

/** Stop with a reason: the panel asks for one, then the row moves to Past. */
export const Stopping: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('3 prescriptions.');
    await userEvent.click(
      canvas.getByRole('button', { name: 'Stop: amlodipine 5 MG Oral Tablet' }),
    );
    const panel = canvas.getByRole('form', { name: 'Stop amlodipine 5 MG Oral Tablet' });
    await within(panel).findByRole('option', { name: 'Drug interacts with another drug' });
    await userEvent.selectOptions(
      within(panel).getByLabelText('Reason'),
      'Drug interacts with another drug',
    );
    await userEvent.click(within(panel).getByRole('button', { name: 'Stop prescription' }));
    await canvas.findByText('Prescription is now stopped.');
    await waitFor(() => expect(args.onStatusChanged).toHaveBeenCalled());
  },
};

/** Someone else changed the prescription after the list loaded: nothing is changed; asked again. */
export const StatusConflict: Story = {
  decorators: [
    withChart({
      seed: storyChart,
      setup: (api) => {
        const row = api.records.prescriptions?.find((r) => r.id === 'rx-amlodipine');
        const original = api.fetch;
        let listed = false;
        api.fetch = async (input, init) => {
          const response = await original(input, init);
          if (!listed && String(input).includes('/prescriptions?') && row) {
            listed = true;
            Object.assign(row, { refills: 2, updatedAt: '2026-06-15T11:59:00.000Z' });
          }
          return response;
        };
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('3 prescriptions.');
    await userEvent.click(
      canvas.getByRole('button', { name: 'Put on hold: amlodipine 5 MG Oral Tablet' }),
    );
    const panel = canvas.getByRole('form', { name: /on hold/ });
    await within(panel).findByRole('option', { name: 'Patient scheduled for surgery' });
    await userEvent.selectOptions(
      within(panel).getByLabelText('Reason'),
      'Patient scheduled for surgery',
    );
    await userEvent.click(within(panel).getByRole('button', { name: 'Put on hold' }));
    await within(panel).findByText(/changed since you opened it/);
    await expect(within(panel).getByRole('button', { name: 'Apply anyway' })).toBeVisible();
  },
};

export const NoPatient: Story = { args: { patientId: undefined } };

export const DarkTheme: Story = {
  decorators: [withChart({ seed: storyChart, theme: 'dark' })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('3 prescriptions.');
  },
};

export const NarrowWidth: Story = {
  decorators: [withChart({ seed: storyChart, width: 360 })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('3 prescriptions.');
  },
};
