import type { Patient } from '@clinikapi/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { FakeClinikApi } from '../../test/fakeApi.js';
import { makePatient } from '../../test/fixtures.js';
import { withFakeClinik } from '../../test/storybook.js';
import { PatientForm } from './PatientForm.js';

const meta = {
  title: 'Patients/PatientForm',
  component: PatientForm,
  args: { onSaved: fn() },
  decorators: [withFakeClinik({ patients: [makePatient(0)] })],
} satisfies Meta<typeof PatientForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Create: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('First name'), 'Grace');
    await userEvent.type(canvas.getByLabelText('Last name'), 'Hopper');
    await userEvent.click(canvas.getByRole('button', { name: 'Save patient' }));
    await waitFor(() =>
      expect(args.onSaved).toHaveBeenCalledWith(
        expect.objectContaining({ fullName: 'Grace Hopper' }),
      ),
    );
  },
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(canvas.getByRole('button', { name: 'Save patient' }));
    await canvas.findByText('First name is required');
    // Focus moves in an effect after the errors render (useResourceForm), so wait for it.
    await waitFor(() => expect(canvas.getByLabelText('First name')).toHaveFocus());
  },
};

export const ServerValidationError: Story = {
  decorators: [
    withFakeClinik({
      setup: (api) =>
        api.failNext(1, 422, {
          error: 'VALIDATION_ERROR',
          message: 'The request body is invalid',
          issues: [
            { severity: 'error', code: 'value', diagnostics: 'phone is not a reachable number' },
          ],
        }),
    }),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('First name'), 'Ada');
    await userEvent.type(canvas.getByLabelText('Last name'), 'Lovelace');
    await userEvent.type(canvas.getByLabelText('Phone'), '123');
    await userEvent.click(canvas.getByRole('button', { name: 'Save patient' }));
    await canvas.findByText('Phone is not a reachable number');
    await expect(canvas.getByLabelText('Phone')).toHaveValue('123');
  },
};

export const SaveFailed: Story = {
  decorators: [withFakeClinik({ setup: (api) => api.failNext(1, 503) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('First name'), 'Ada');
    await userEvent.type(canvas.getByLabelText('Last name'), 'Lovelace');
    await userEvent.click(canvas.getByRole('button', { name: 'Save patient' }));
    await canvas.findByText('Could not save the patient. Your changes are kept; try again.');
    await expect(canvas.getByLabelText('First name')).toHaveValue('Ada');
  },
};

export const Edit: Story = {
  args: { patientId: 'pat-00000' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('First name')).toHaveValue('Ada'));
  },
};

/** A colleague saves the same patient right after this form loaded it. */
function colleagueSavesAfterFirstRead(api: FakeClinikApi) {
  const handle = api.handle;
  let reads = 0;
  api.handle = async (request) => {
    const response = await handle(request);
    if (request.method === 'GET' && /\/patients\/pat-00000$/.test(request.url) && ++reads === 1) {
      const stored = api.patients[0] as Patient;
      api.patients[0] = {
        ...stored,
        phone: '+1-555-0100',
        email: 'ada.l@example.test',
        updatedAt: '2026-06-15T11:59:00.000Z',
      };
    }
    return response;
  };
}

/** Someone else saved meanwhile: nothing is written, both values are shown, typed input is kept. */
export const Conflict: Story = {
  args: { patientId: 'pat-00000' },
  decorators: [withFakeClinik({ patients: [makePatient(0)], setup: colleagueSavesAfterFirstRead })],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('First name')).toHaveValue('Ada'));
    await userEvent.clear(canvas.getByLabelText('Phone'));
    await userEvent.type(canvas.getByLabelText('Phone'), '+1-555-0199');
    await userEvent.click(canvas.getByRole('button', { name: 'Save patient' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Someone else saved this patient');
    const list = canvas.getByRole('region', { name: 'Changed by someone else too' });
    await expect(list).toHaveTextContent('Stored now: +1-555-0100');
    await expect(list).toHaveTextContent('Yours: +1-555-0199');
    await expect(canvas.getByLabelText('Email')).toHaveValue('ada.l@example.test');
    await expect(args.onSaved).not.toHaveBeenCalled();
  },
};

export const LoadingPatient: Story = {
  args: { patientId: 'pat-00000' },
  decorators: [withFakeClinik({ patients: [makePatient(0)], setup: (api) => void api.hold() })],
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading patient…');
  },
};

export const DarkTheme: Story = {
  decorators: [withFakeClinik({ theme: 'dark' })],
};

export const NarrowWidth: Story = {
  decorators: [withFakeClinik({ width: 360 })],
};
