import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withChart } from '../../test/chartFake.js';
import { STORY_PATIENT, storyChart, storyPrescriber } from '../test/fixtures.js';
import { PrescriptionForm } from './PrescriptionForm.js';

const meta = {
  title: 'Medications/PrescriptionForm',
  component: PrescriptionForm,
  args: { patientId: STORY_PATIENT, prescriberId: storyPrescriber.id, onSaved: fn() },
  decorators: [withChart({ seed: storyChart })],
} satisfies Meta<typeof PrescriptionForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Three a day for seven days: the course is a separate bound, the sentence says what it means. */
export const Create: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Meredith Grey');
    await userEvent.type(canvas.getByLabelText('Medication'), 'Lisinopril 10 mg tablet');
    await userEvent.type(canvas.getByLabelText('Dose'), '1');
    await within(canvas.getByLabelText('Dose unit')).findByRole('option', { name: 'tablet' });
    await userEvent.selectOptions(canvas.getByLabelText('Dose unit'), 'tablet');
    await userEvent.selectOptions(canvas.getByLabelText('Route'), 'Oral route');
    await userEvent.type(canvas.getByLabelText('Times'), '3');
    await userEvent.type(canvas.getByLabelText('Duration'), '7');
    await canvas.findByText('Reads as: 1 tablet, Oral route, 3 times a day, for 7 days');
    await userEvent.click(canvas.getByRole('button', { name: 'Save prescription' }));
    await waitFor(() => expect(args.onSaved).toHaveBeenCalled());
  },
};

export const NoPrescriberKnown: Story = {
  args: { prescriberId: undefined },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/No prescriber is known here/);
  },
};

/** The patient has an active amoxicillin allergy: a warning to acknowledge, never a silent block. */
export const AllergyWarning: Story = {
  args: {
    defaultValues: {
      medication: {
        system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
        code: '308191',
        display: 'amoxicillin 500 MG Oral Capsule',
      },
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const warning = await canvas.findByRole('region', { name: 'Allergy warning' });
    await expect(warning).toHaveTextContent('Criticality: high.');
    await userEvent.click(canvas.getByRole('button', { name: 'Save prescription' }));
    await waitFor(() => expect(warning).toHaveFocus());
    await expect(args.onSaved).not.toHaveBeenCalled();
  },
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Times'), '30');
    await userEvent.clear(canvas.getByLabelText('Per'));
    await userEvent.type(canvas.getByLabelText('Per'), '1');
    await userEvent.selectOptions(canvas.getByLabelText('Period unit'), 'hour');
    await userEvent.type(canvas.getByLabelText('Refills'), '120');
    await userEvent.click(canvas.getByRole('button', { name: 'Save prescription' }));
    await canvas.findByText('Medication is required');
    await canvas.findByText(/That is 720 doses a day/);
    await canvas.findByText('Refills must be a whole number from 0 to 99');
    // Focus moves in an effect after the errors render (useResourceForm), so wait for it.
    await waitFor(() => expect(canvas.getByLabelText('Medication')).toHaveFocus());
  },
};

export const Edit: Story = {
  args: { prescriptionId: 'rx-amlodipine' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Refills')).toHaveValue('5'));
    await expect(canvas.getByText('Reads as: 1 tablet, Oral route, once a day')).toBeVisible();
  },
};

/** A colleague saved the prescription right after the form loaded it. */
export const Conflict: Story = {
  args: { prescriptionId: 'rx-amlodipine' },
  decorators: [
    withChart({
      seed: storyChart,
      setup: (api) => api.changeAfterFirstRead('prescriptions', 'rx-amlodipine', { refills: 2 }),
    }),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Refills')).toHaveValue('5'));
    await userEvent.clear(canvas.getByLabelText('Refills'));
    await userEvent.type(canvas.getByLabelText('Refills'), '3');
    await userEvent.click(canvas.getByRole('button', { name: 'Save prescription' }));
    const list = await canvas.findByRole('region', { name: 'Changed by someone else too' });
    await expect(list).toHaveTextContent('Stored now: 2');
    await expect(list).toHaveTextContent('Yours: 3');
    await expect(args.onSaved).not.toHaveBeenCalled();
  },
};

export const Loading: Story = {
  args: { prescriptionId: 'rx-amlodipine' },
  decorators: [withChart({ seed: storyChart, setup: (api) => void api.hold() })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading prescription…');
  },
};

export const LoadError: Story = {
  args: { prescriptionId: 'rx-amlodipine' },
  decorators: [withChart({ seed: storyChart, setup: (api) => api.failNext(3, 503) })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Could not load the prescription.');
  },
};

export const DarkTheme: Story = {
  args: { prescriptionId: 'rx-amoxicillin' },
  decorators: [withChart({ seed: storyChart, theme: 'dark' })],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByLabelText('Refills')).toHaveValue('0'));
  },
};

export const NarrowWidth: Story = {
  decorators: [withChart({ seed: storyChart, width: 360 })],
};
