import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { STORY_PATIENT, storyChart, storyNurse } from '../test/fixtures.js';
import { ImmunizationForm } from './ImmunizationForm.js';

const meta = {
  title: 'Immunizations/ImmunizationForm',
  component: ImmunizationForm,
  args: { patientId: STORY_PATIENT, performerId: storyNurse.id, onSaved: fn() },
  decorators: [withChart({ seed: storyChart })],
} satisfies Meta<typeof ImmunizationForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Choose a CVX vaccine by keyboard, enter the time on the practice's clock, save. */
export const Create: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText('Vaccine'));
    await userEvent.keyboard('tdap');
    await canvas.findByRole('option', { name: /Tdap/ });
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await userEvent.type(canvas.getByLabelText('Date and time'), '2026-06-15T07:45');
    await userEvent.type(canvas.getByLabelText('Dose number'), '2');
    await userEvent.click(canvas.getByRole('button', { name: 'Save immunization' }));
    await waitFor(() => expect(args.onSaved).toHaveBeenCalled());
  },
};

export const NotGiven: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Status'), 'Not given');
    await userEvent.click(canvas.getByRole('button', { name: 'Save immunization' }));
    await canvas.findByText('Give the reason it was not given');
    await canvas.findByText('Vaccine is required');
  },
};

export const Edit: Story = {
  args: { immunizationId: 'imm-tdap' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Lot number')).toHaveValue('TD4471'));
    await expect(canvas.getByLabelText('Date and time')).toHaveValue('2026-05-04T10:30');
  },
};

export const Conflict: Story = {
  args: { immunizationId: 'imm-tdap' },
  decorators: [
    withChart({
      seed: storyChart,
      setup: (api) =>
        api.changeAfterFirstRead('immunizations', 'imm-tdap', { lotNumber: 'TD9999' }),
    }),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Lot number')).toHaveValue('TD4471'));
    await userEvent.clear(canvas.getByLabelText('Lot number'));
    await userEvent.type(canvas.getByLabelText('Lot number'), 'TD5000');
    await userEvent.click(canvas.getByRole('button', { name: 'Save immunization' }));
    const list = await canvas.findByRole('region', { name: 'Changed by someone else too' });
    await expect(list).toHaveTextContent('Stored now: TD9999');
    await expect(list).toHaveTextContent('Yours: TD5000');
    await expect(args.onSaved).not.toHaveBeenCalled();
  },
};

export const Loading: Story = {
  args: { immunizationId: 'imm-tdap' },
  decorators: [withChart({ seed: storyChart, setup: (api) => void api.hold() })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading immunization…');
  },
};

export const LoadError: Story = {
  args: { immunizationId: 'imm-tdap' },
  decorators: [withChart({ seed: storyChart, setup: (api) => api.failNext(3, 503) })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Could not load the immunization.');
  },
};

export const DarkTheme: Story = {
  args: { immunizationId: 'imm-flu' },
  decorators: [withChart({ seed: storyChart, theme: 'dark' })],
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(within(canvasElement).getByLabelText('Status')).toHaveValue('not-done'),
    );
  },
};

export const NarrowWidth: Story = {
  decorators: [withChart({ seed: storyChart, width: 360 })],
};
