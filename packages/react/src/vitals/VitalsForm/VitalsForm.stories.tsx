import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { withVitals } from '../test/storybook.js';
import type { VitalsApi } from '../test/vitalsApi.js';
import { adultPatient, childPatient, storedVital, vitalsHistory } from '../test/vitalsFixtures.js';
import { VitalsForm } from './VitalsForm.js';

const meta = {
  title: 'Vitals/VitalsForm',
  component: VitalsForm,
  args: { patientId: adultPatient.id, onSaved: fn() },
  decorators: [withVitals()],
} satisfies Meta<typeof VitalsForm>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Blood pressure and heart rate, saved as two coded Observations. */
export const Record: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Systolic')).toBeEnabled());
    await userEvent.type(canvas.getByLabelText('Systolic'), '142');
    await userEvent.type(canvas.getByLabelText('Diastolic'), '88');
    await userEvent.type(canvas.getByLabelText('Heart rate'), '72');
    await userEvent.click(canvas.getByRole('button', { name: 'Save vitals' }));
    await canvas.findByText('Vitals recorded: Blood pressure 142/88 mmHg, Heart rate 72 /min.');
    await expect(args.onSaved).toHaveBeenCalledTimes(1);
  },
};

/** US units typed (°F, ft + in, lb); the canonical value is shown back before saving. */
export const USUnits: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Temperature')).toBeEnabled());
    await userEvent.type(canvas.getByLabelText('Temperature'), '100.4');
    const height = canvas.getByRole('group', { name: 'Height' });
    await userEvent.type(within(height).getByLabelText('ft'), '5');
    await userEvent.type(within(height).getByLabelText('in'), '10');
    await userEvent.type(canvas.getByLabelText('Weight'), '154');
    await canvas.findByText('Stored as 38.0 °C · High · Reference 36.1–37.2 °C');
    await canvas.findByText('BMI 22.1 kg/m², from 69.9 kg and 177.8 cm.');
  },
};

/** Metric units for a UK practice. */
export const MetricUnits: Story = {
  decorators: [withVitals({ locale: 'en-GB' })],
};

export const ImplausibleValue: Story = {
  args: { units: { bodyTemperature: 'Cel' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Temperature')).toBeEnabled());
    await userEvent.type(canvas.getByLabelText('Temperature'), '98.6');
    await userEvent.click(canvas.getByRole('button', { name: 'Save vitals' }));
    await canvas.findByText(/This looks like °F: pick °F as the unit\./);
    await waitFor(() => expect(canvas.getByLabelText('Temperature')).toHaveFocus());
  },
};

/** The temperature could not be saved: the rest is saved, the temperature is kept to retry. */
export const PartialFailure: Story = {
  decorators: [
    withVitals({
      setup: (api: VitalsApi) =>
        api.failWhen((r) => r.method === 'POST' && r.body.includes('"8310-5"'), 503),
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Heart rate')).toBeEnabled());
    await userEvent.type(canvas.getByLabelText('Heart rate'), '72');
    await userEvent.type(canvas.getByLabelText('Temperature'), '100.4');
    await userEvent.click(canvas.getByRole('button', { name: 'Save vitals' }));
    await canvas.findByText(
      /^Saved: Heart rate 72 \/min\. Not saved: Temperature \(server error\)/,
    );
    await expect(canvas.getByLabelText('Temperature')).toHaveValue('100.4');
    await expect(canvas.getByLabelText('Heart rate')).toHaveValue('');
  },
};

/** Only a weight typed: the BMI uses the latest recorded height, and says so. */
export const BmiFromLatestHeight: Story = {
  decorators: [withVitals({ observations: vitalsHistory })],
  args: { units: { bodyWeight: 'kg' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Weight')).toBeEnabled());
    await userEvent.type(canvas.getByLabelText('Weight'), '70.4');
    await canvas.findByText(/the latest recorded height, 177\.8 cm \(measured Mon, Jan 12, 2026/);
  },
};

/** A child: no flags against adult ranges. */
export const Child: Story = {
  args: { patientId: childPatient.id },
  decorators: [withVitals({ patients: [adultPatient, childPatient] })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/No flags: the reference ranges are for adults/);
  },
};

export const Loading: Story = {
  decorators: [withVitals({ setup: (api: VitalsApi) => void api.hold() })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading the patient…');
  },
};

export const LoadError: Story = {
  decorators: [
    withVitals({ setup: (api) => api.failWhen((r) => r.path.includes('/patients/'), 500, 9) }),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Could not load the patient.');
  },
};

const reading = () => storedVital('heartRate', { heartRate: 72 }, '2026-06-15T09:30:00-04:00');
const fixedReading = reading();

/** Amend, correct or withdraw one recorded vital. */
export const EditReading: Story = {
  args: { observationId: fixedReading.id },
  decorators: [withVitals({ observations: () => [fixedReading] })],
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
  args: { observationId: fixedReading.id },
  decorators: [
    withVitals({
      observations: () => [fixedReading],
      setup: (api) => {
        let reads = 0;
        api.afterRead = (id, self) => {
          reads += 1;
          if (reads !== 1) return;
          const index = self.observations.findIndex((o) => o.id === id);
          const stored = self.observations[index];
          if (!stored?.valueQuantity) return;
          self.observations[index] = {
            ...stored,
            status: 'corrected',
            valueQuantity: { ...stored.valueQuantity, value: 80 },
            updatedAt: '2026-06-15T13:59:00.000Z',
          };
        };
      },
    }),
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
    withVitals({
      observations: () => [{ ...reading(), id: 'obs-withdrawn', status: 'entered-in-error' }],
    }),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(
      'This reading was withdrawn as entered in error and can no longer be changed.',
    );
  },
};

export const DarkTheme: Story = {
  decorators: [withVitals({ theme: 'dark', observations: vitalsHistory })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Heart rate')).toBeEnabled());
    await userEvent.type(canvas.getByLabelText('Heart rate'), '130');
    await canvas.findByText('High · Reference 60–100 /min');
  },
};

export const NarrowWidth: Story = {
  decorators: [withVitals({ width: 360 })],
};
