import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { conditionStory, sampleProblems } from '../test/fixtures.js';
import { ConditionList } from './ConditionList.js';

const meta = {
  title: 'Chart/Problems/ConditionList',
  component: ConditionList,
  args: { patientId: 'pat-story', onSelect: fn() },
  decorators: [withChart(conditionStory(sampleProblems))],
} satisfies Meta<typeof ConditionList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Active first, then relapse, then the folded inactive/remission/resolved group. */
export const Filled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const active = await canvas.findByRole('table', { name: 'Active (2)' });
    await userEvent.click(
      within(active).getByRole('button', { name: 'Edit Essential (primary) hypertension' }),
    );
    await expect(args.onSelect).toHaveBeenCalled();
    await userEvent.click(
      canvas.getByText('Inactive, in remission or resolved (2)', { selector: 'summary' }),
    );
  },
};

export const Expanded: Story = {
  args: { expandInactive: true },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('table', {
      name: 'Inactive, in remission or resolved (2)',
    });
  },
};

export const Loading: Story = {
  decorators: [withChart(conditionStory(sampleProblems, { setup: (api) => void api.hold() }))],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading problems…')).toBeVisible();
  },
};

export const Empty: Story = {
  decorators: [withChart(conditionStory(() => []))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No problems recorded.');
  },
};

export const LoadFailed: Story = {
  decorators: [withChart(conditionStory(sampleProblems, { setup: (api) => api.failNext(1, 503) }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Could not load the problem list.');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await canvas.findByRole('table', { name: 'Active (2)' });
  },
};

export const Dark: Story = {
  args: { expandInactive: true },
  decorators: [withChart(conditionStory(sampleProblems, { theme: 'dark' }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('table', { name: 'Active (2)' });
  },
};

export const Narrow: Story = {
  decorators: [withChart(conditionStory(sampleProblems, { width: 360 }))],
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(within(canvasElement).getByRole('table', { name: 'Active (2)' })).toBeVisible(),
    );
  },
};
