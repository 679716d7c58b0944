import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type ChartFake, withChart } from '../../test/chartFake.js';
import { adultPatient, storedVital, vitalsHistory, vitalsStory } from '../test/vitalsFixtures.js';
import { VitalsTrend } from './VitalsTrend.js';

const meta = {
  title: 'Vitals/VitalsTrend',
  component: VitalsTrend,
  args: { patientId: adultPatient.id },
  decorators: [withChart(vitalsStory({ observations: vitalsHistory }))],
} satisfies Meta<typeof VitalsTrend>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {};

/** Blood pressure as two series; the points are reached and read with the keyboard. */
export const BloodPressureKeyboard: Story = {
  args: { vitals: ['bloodPressure'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const chart = await canvas.findByRole('group', { name: 'Blood pressure trend' });
    await userEvent.tab();
    const latest = within(chart).getByRole('img', {
      name: 'Systolic 142 mmHg, High, Mon, Jun 15, 2026, 9:30 AM EDT',
    });
    await waitFor(() => expect(latest).toHaveFocus());
    await userEvent.keyboard('{ArrowLeft}');
    await expect(
      within(chart).getByRole('img', { name: /^Systolic 127 mmHg, Normal, Mon, May 18, 2026/ }),
    ).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(
      within(chart).getByRole('img', { name: /^Diastolic 80 mmHg, High, Mon, May 18, 2026/ }),
    ).toHaveFocus();
    await userEvent.click(canvas.getByText('Show as a table'));
    await expect(
      canvas.getByRole('table', { name: 'Blood pressure history, latest first' }),
    ).toBeVisible();
  },
};

export const SingleReading: Story = {
  decorators: [
    withChart(
      vitalsStory({
        observations: () => [
          storedVital('heartRate', { heartRate: 72 }, '2026-06-15T09:30:00-04:00'),
        ],
      }),
    ),
  ],
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
    await within(canvasElement).findByText(
      /^Could not load the vital signs\. The service is unavailable/,
    );
  },
};

export const DarkTheme: Story = {
  decorators: [withChart(vitalsStory({ theme: 'dark', observations: vitalsHistory }))],
};

export const NarrowWidth: Story = {
  decorators: [withChart(vitalsStory({ width: 360, observations: vitalsHistory }))],
};
