import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { makePatients } from '../../test/fixtures.js';
import { recordedPatients } from '../../test/recorded/index.js';
import { withFakeClinik } from '../../test/storybook.js';
import { PatientList } from './PatientList.js';

const meta = {
  title: 'Patients/PatientList',
  component: PatientList,
  args: { onSelect: fn(), height: 360 },
  // Patients as the sandbox returned them (recorded), served at the HTTP boundary.
  decorators: [withFakeClinik({ patients: [...recordedPatients] })],
} satisfies Meta<typeof PatientList>;

export default meta;
type Story = StoryObj<typeof meta>;

const first = recordedPatients[0]?.fullName ?? '';
const third = recordedPatients[2]?.fullName ?? '';
const thirdLastName = recordedPatients[2]?.lastName ?? '';
const total = recordedPatients.length;

const table = (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('table', { name: 'Patients' });

export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('cell', { name: first });
    await expect(canvas.getByText(`1–20 of ${total}`)).toBeVisible();
  },
};

export const Empty: Story = {
  decorators: [withFakeClinik({ patients: [] })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No patients yet.');
  },
};

export const Loading: Story = {
  decorators: [withFakeClinik({ patients: makePatients(5), setup: (api) => void api.hold() })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading patients…');
  },
};

export const ErrorWithRetry: Story = {
  decorators: [withFakeClinik({ patients: makePatients(5), setup: (api) => api.failNext(1, 500) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Could not load patients.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await canvas.findByRole('cell', { name: 'Ada Lovelace' });
  },
};

export const Search: Story = {
  args: { searchDelayMs: 150 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('cell', { name: first });
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search patients' }), thirdLastName);
    await waitFor(() => expect(canvas.queryByRole('cell', { name: first })).toBeNull());
    await expect(canvas.getAllByRole('cell', { name: third }).length).toBeGreaterThan(0);
  },
};

/** 390 px wide with nothing found: the table scrolls sideways, so its region is a Tab stop. */
export const NarrowEmpty: Story = {
  decorators: [withFakeClinik({ patients: [], width: 390 })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('No patients yet.');
    const region = canvas.getByRole('region', { name: 'Patient table (scrolls)' });
    await expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
    await userEvent.click(canvas.getByRole('searchbox', { name: 'Search patients' }));
    await userEvent.tab();
    await expect(region).toHaveFocus();
  },
};

export const KeyboardSelection: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('cell', { name: first });
    await userEvent.click(canvas.getByRole('searchbox', { name: 'Search patients' }));
    await userEvent.tab();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await expect(args.onSelect).toHaveBeenLastCalledWith(
      expect.objectContaining({ fullName: third }),
    );
  },
};

/** 10,000 patients with infinite scrolling: only rows near the viewport are in the DOM. */
export const LongList: Story = {
  args: { pagination: 'infinite', pageSize: 100 },
  decorators: [withFakeClinik({ patients: makePatients(10_000) })],
  play: async ({ canvasElement }) => {
    const element = await table(canvasElement);
    await within(element).findByRole('cell', { name: 'Ada Lovelace' });
    await expect(element).toHaveAttribute('aria-rowcount', '10001');
    const rendered = element.querySelectorAll('tbody tr[data-row-index]').length;
    await expect(rendered).toBeLessThanOrEqual(100);
    // End jumps to the last loaded row, scrolling it into the rendered window.
    const first = element.querySelector<HTMLElement>('tbody tr[data-row-index="0"]');
    first?.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('data-row-index')).not.toBe('0'),
    );
  },
};

export const DarkTheme: Story = {
  decorators: [withFakeClinik({ patients: [...recordedPatients], theme: 'dark' })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('cell', { name: first });
  },
};

export const NarrowWidth: Story = {
  args: { columns: ['name', 'birthDate'] },
  decorators: [withFakeClinik({ patients: [...recordedPatients], width: 360 })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('cell', { name: first });
  },
};
