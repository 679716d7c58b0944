import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { allergyStory, noKnownAllergyStatement, sampleAllergies } from '../test/fixtures.js';
import { AllergyList } from './AllergyList.js';

const meta = {
  title: 'Chart/Allergies/AllergyList',
  component: AllergyList,
  args: { patientId: 'pat-story', onSelect: fn() },
  decorators: [withChart(allergyStory(sampleAllergies))],
} satisfies Meta<typeof AllergyList>;

export default meta;
type Story = StoryObj<typeof meta>;

const region = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole('region', { name: 'Allergies and intolerances' });

/** Current allergies, most critical first; the resolved one folded away. */
export const Filled: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: '2 active allergies' });
    await userEvent.click(within(table).getByRole('button', { name: 'Edit Penicillin G' }));
    await expect(args.onSelect).toHaveBeenCalled();
    await userEvent.click(canvas.getByText('Inactive and resolved (1)'));
    await expect(canvas.getByRole('table', { name: 'Inactive and resolved' })).toBeVisible();
  },
};

export const Loading: Story = {
  decorators: [withChart(allergyStory(sampleAllergies, { setup: (api) => void api.hold() }))],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading allergies…')).toBeVisible();
  },
};

/** Nothing on file: "not recorded", with the button to record "No known allergies". */
export const NotRecorded: Story = {
  args: { canRecordNoKnownAllergies: true },
  decorators: [withChart(allergyStory(() => []))],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(region(canvasElement).dataset.state).toBe('not-recorded'));
  },
};

/** Records the statement: the list then says "No known allergies (recorded …)". */
export const RecordNoKnownAllergies: Story = {
  args: { canRecordNoKnownAllergies: true },
  decorators: [withChart(allergyStory(() => []))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole('button', { name: 'Record “No known allergies”' }),
    );
    await canvas.findByText('“No known allergies” recorded.');
    await waitFor(() => expect(region(canvasElement).dataset.state).toBe('no-known-allergies'));
  },
};

export const NoKnownAllergies: Story = {
  decorators: [withChart(allergyStory(() => [noKnownAllergyStatement()]))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No known allergies (recorded Mar 2, 2026).');
  },
};

/** "No known allergies" on file while allergies are recorded: flagged, with a way to retire it. */
export const Contradicted: Story = {
  decorators: [withChart(allergyStory(() => [noKnownAllergyStatement(), ...sampleAllergies()]))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', {
      name: 'Mark “No known allergies” inactive',
    });
  },
};

export const OnlyResolved: Story = {
  decorators: [withChart(allergyStory(() => sampleAllergies().slice(2)))],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(region(canvasElement).dataset.state).toBe('no-active'));
  },
};

export const LoadFailed: Story = {
  decorators: [withChart(allergyStory(sampleAllergies, { setup: (api) => api.failNext(1, 503) }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Could not load allergies.');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await canvas.findByRole('table', { name: '2 active allergies' });
  },
};

export const Dark: Story = {
  decorators: [withChart(allergyStory(sampleAllergies, { theme: 'dark' }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('table', { name: '2 active allergies' });
  },
};

export const Narrow: Story = {
  decorators: [withChart(allergyStory(sampleAllergies, { width: 360 }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('table', { name: '2 active allergies' });
  },
};
