import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { type ChartFake, withChart } from '../../test/chartFake.js';
import { adultPatient, childPatient, vitalsHistory, vitalsStory } from '../test/vitalsFixtures.js';
import { VitalsForm } from './VitalsForm.js';

const meta = {
  title: 'Vitals/VitalsForm',
  component: VitalsForm,
  args: { patientId: adultPatient.id, onSaved: fn() },
  decorators: [withChart(vitalsStory())],
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
  decorators: [withChart(vitalsStory({ locale: 'en-GB' }))],
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
    withChart(
      vitalsStory({
        setup: (api: ChartFake) =>
          api.failWhen((r) => r.method === 'POST' && r.body.includes('"8310-5"'), 503),
      }),
    ),
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
  decorators: [withChart(vitalsStory({ observations: vitalsHistory }))],
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
  decorators: [withChart(vitalsStory({ patients: [adultPatient, childPatient] }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/No flags: the reference ranges are for adults/);
  },
};

export const Loading: Story = {
  decorators: [withChart(vitalsStory({ setup: (api: ChartFake) => void api.hold() }))],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading the patient…');
  },
};

export const LoadError: Story = {
  decorators: [
    withChart(
      vitalsStory({ setup: (api) => api.failWhen((r) => r.path.includes('/patients/'), 500, 9) }),
    ),
  ],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Could not load the patient.');
  },
};

export const DarkTheme: Story = {
  decorators: [withChart(vitalsStory({ theme: 'dark', observations: vitalsHistory }))],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Heart rate')).toBeEnabled());
    await userEvent.type(canvas.getByLabelText('Heart rate'), '130');
    await canvas.findByText('High · Reference 60–100 /min');
  },
};

export const NarrowWidth: Story = {
  decorators: [withChart(vitalsStory({ width: 360 }))],
};
