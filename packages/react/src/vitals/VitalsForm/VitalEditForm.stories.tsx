import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { type ChartFake, withChart } from '../../test/chartFake.js';
import { adultPatient, storedVital, vitalsStory } from '../test/vitalsFixtures.js';
import { VitalEditForm } from './VitalEditForm.js';

const reading = () => storedVital('heartRate', { heartRate: 72 }, '2026-06-15T09:30:00-04:00');
const fixedReading = reading();

const meta = {
  title: 'Vitals/VitalEditForm',
  component: VitalEditForm,
  args: { patientId: adultPatient.id, observationId: fixedReading.id, onSaved: fn() },
  decorators: [withChart(vitalsStory({ observations: () => [fixedReading] }))],
} satisfies Meta<typeof VitalEditForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Amend, correct or withdraw one recorded vital. */
export const EditReading: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Heart rate')).toHaveValue('72'));
    await userEvent.clear(canvas.getByLabelText('Heart rate'));
    await userEvent.type(canvas.getByLabelText('Heart rate'), '78');
    await userEvent.selectOptions(canvas.getByLabelText('Status'), 'corrected');
    await userEvent.click(canvas.getByRole('button', { name: 'Save change' }));
    await canvas.findByText('Reading saved.');
  },
};

/** A colleague corrects the same reading right after this form loaded it (no ETags: updatedAt path). */
export const EditConflict: Story = {
  decorators: [
    withChart(
      vitalsStory({
        observations: () => [fixedReading],
        setup: (api) =>
          api.changeAfterFirstRead('observations', fixedReading.id, {
            status: 'corrected',
            valueQuantity: { ...fixedReading.valueQuantity, value: 80 },
          }),
      }),
    ),
  ],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Heart rate')).toHaveValue('72'));
    await userEvent.clear(canvas.getByLabelText('Heart rate'));
    await userEvent.type(canvas.getByLabelText('Heart rate'), '90');
    await userEvent.click(canvas.getByRole('button', { name: 'Save change' }));
    const list = await canvas.findByRole('region', { name: 'Changed by someone else too' });
    await expect(list).toHaveTextContent('Stored now: 80');
    await expect(list).toHaveTextContent('Yours: 90');
    await expect(canvas.getByLabelText('Heart rate')).toHaveValue('90');
    await expect(args.onSaved).not.toHaveBeenCalled();
  },
};

export const Withdrawn: Story = {
  args: { observationId: 'obs-withdrawn' },
  decorators: [
    withChart(
      vitalsStory({
        observations: () => [{ ...reading(), id: 'obs-withdrawn', status: 'entered-in-error' }],
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(
      'This reading was withdrawn as entered in error and can no longer be changed.',
    );
  },
};

export const Loading: Story = {
  decorators: [
    withChart(
      vitalsStory({
        observations: () => [fixedReading],
        setup: (api: ChartFake) => void api.hold(),
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading the reading…');
  },
};

export const LoadError: Story = {
  decorators: [
    withChart(
      vitalsStory({
        setup: (api) => api.failWhen((r) => r.path.includes('/observations/'), 500, 9),
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Could not load the reading.');
  },
};

/** A blood pressure: both components, each with its flag and range. */
export const BloodPressure: Story = {
  args: { observationId: 'obs-bp' },
  decorators: [
    withChart(
      vitalsStory({
        observations: () => [
          {
            ...storedVital(
              'bloodPressure',
              { systolic: 142, diastolic: 88 },
              '2026-06-15T09:30:00-04:00',
            ),
            id: 'obs-bp',
          },
        ],
      }),
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Systolic')).toHaveValue('142'));
    await canvas.findAllByText('High · Reference 90–129 mmHg');
  },
};

export const DarkTheme: Story = {
  decorators: [withChart(vitalsStory({ theme: 'dark', observations: () => [fixedReading] }))],
};

export const NarrowWidth: Story = {
  decorators: [withChart(vitalsStory({ width: 360, observations: () => [fixedReading] }))],
};

// A weight and height of one visit, and the BMI recorded from them (derivedFromIds).
const AT = '2026-06-15T09:30:00-04:00';
const height = storedVital('bodyHeight', { bodyHeight: 175 }, AT);
const weight = storedVital('bodyWeight', { bodyWeight: 70 }, AT);
const bmi = storedVital('bmi', { bmi: 22.9 }, AT, {
  derivedFromIds: [weight.id, height.id],
  note: 'Calculated from body weight 70.0 kg and body height 175.0 cm.',
});
const weighed = () => [height, weight, bmi].map((o) => ({ ...o }));

/** The weight is amended: the BMI computed from it is offered its new value (not changed silently). */
export const BmiUpdateOffer: Story = {
  args: { observationId: weight.id },
  decorators: [withChart(vitalsStory({ observations: weighed }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Weight')).toHaveValue('70.0'));
    await userEvent.clear(canvas.getByLabelText('Weight'));
    await userEvent.type(canvas.getByLabelText('Weight'), '80');
    await userEvent.click(canvas.getByRole('button', { name: 'Save change' }));
    await canvas.findByText(
      'BMI recorded with this weight is 22.9 kg/m²; with the new value it is 26.1 kg/m².',
    );
    await expect(canvas.getByRole('button', { name: 'Update BMI' })).toBeVisible();
  },
};

/** The height is withdrawn as entered in error; withdrawing the BMI too is one press. */
export const BmiWithdrawOffer: Story = {
  args: { observationId: height.id },
  decorators: [withChart(vitalsStory({ observations: weighed }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Height')).toHaveValue('175.0'));
    await userEvent.selectOptions(canvas.getByLabelText('Status'), 'entered-in-error');
    await userEvent.click(canvas.getByRole('button', { name: 'Withdraw as entered in error' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Withdraw BMI too' }));
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Reading saved. BMI withdrawn as entered in error.',
      ),
    );
  },
};
