import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { type ChartFake, withChart } from '../../test/chartFake.js';
import { adultPatient, vitalsHistory, vitalsStory } from '../test/vitalsFixtures.js';
import { VitalsList } from './VitalsList.js';

const meta = {
  title: 'Vitals/VitalsList',
  component: VitalsList,
  args: { patientId: adultPatient.id },
  decorators: [withChart(vitalsStory({ observations: vitalsHistory }))],
} satisfies Meta<typeof VitalsList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bp = await canvas.findByRole('table', { name: 'Blood pressure history, latest first' });
    const rows = within(bp).getAllByRole('row');
    await expect(rows[1]).toHaveTextContent('142/88 mmHg');
    await expect(rows[1]).toHaveTextContent('Systolic: High; Diastolic: High');
    await userEvent.click(
      within(canvas.getByRole('region', { name: 'Heart rate' })).getByRole('button', {
        name: 'Show all 7',
      }),
    );
    await canvas.findByText('Entered in error');
  },
};

/** With an edit action per reading (e.g. opening VitalsForm with the reading's id). */
export const WithEdit: Story = {
  args: { onEdit: fn(), vitals: ['bloodPressure', 'bodyWeight'] },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const edit = await canvas.findByRole('button', {
      name: 'Edit weight of Mon, Jun 15, 2026, 9:30 AM EDT',
    });
    await userEvent.click(edit);
    await expect(args.onEdit).toHaveBeenCalledWith(
      expect.objectContaining({ vital: 'bodyWeight' }),
    );
  },
};

export const Loading: Story = {
  decorators: [withChart(vitalsStory({ setup: (api: ChartFake) => void api.hold() }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading vital signs…');
  },
};

export const Empty: Story = {
  decorators: [withChart(vitalsStory())],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No vital signs recorded.');
  },
};

export const LoadError: Story = {
  decorators: [
    withChart(
      vitalsStory({
        setup: (api) => api.failWhen((r) => r.path.endsWith('/observations'), 500, 9),
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/^Could not load the vital signs\. The service is unavailable/);
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  },
};

export const DarkTheme: Story = {
  decorators: [withChart(vitalsStory({ theme: 'dark', observations: vitalsHistory }))],
};

export const NarrowWidth: Story = {
  decorators: [withChart(vitalsStory({ width: 360, observations: vitalsHistory }))],
};
