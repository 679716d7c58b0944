import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { STORY_PATIENT, storyChart } from '../test/fixtures.js';
import { ImmunizationList } from './ImmunizationList.js';

const meta = {
  title: 'Immunizations/ImmunizationList',
  component: ImmunizationList,
  args: { patientId: STORY_PATIENT, onEdit: fn() },
  decorators: [withChart({ seed: storyChart })],
} satisfies Meta<typeof ImmunizationList>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Filled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('3 immunizations.');
    const table = canvas.getByRole('table', { name: 'Immunizations' });
    await expect(table).toHaveTextContent('Dose 3 of 3');
    await expect(table).toHaveTextContent('Not given Reason: patient objection');
    await userEvent.click(canvas.getByRole('button', { name: /^Edit Tdap/ }));
    await expect(args.onEdit).toHaveBeenCalled();
  },
};

export const Loading: Story = {
  decorators: [withChart({ seed: storyChart, setup: (api) => void api.hold() })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading immunizations…');
  },
};

export const Empty: Story = {
  decorators: [withChart({ seed: () => storyChart([]) })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No immunizations recorded.');
  },
};

export const LoadError: Story = {
  decorators: [withChart({ seed: storyChart, setup: (api) => api.failNext(1, 503) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/^Could not load the immunizations\. The service is unavailable/);
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await canvas.findByText('3 immunizations.');
  },
};

export const NoPatient: Story = { args: { patientId: undefined } };

export const DarkTheme: Story = {
  decorators: [withChart({ seed: storyChart, theme: 'dark' })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('3 immunizations.');
  },
};

export const NarrowWidth: Story = {
  decorators: [withChart({ seed: storyChart, width: 360 })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('3 immunizations.');
  },
};
