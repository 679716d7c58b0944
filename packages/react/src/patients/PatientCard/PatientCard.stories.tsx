import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { makePatient } from '../../test/fixtures.js';
import { withFakeClinik } from '../../test/storybook.js';
import { PatientCard } from './PatientCard.js';

const patient = makePatient(0, { birthDate: '1990-06-15', gender: 'female' });

const meta = {
  title: 'Patients/PatientCard',
  component: PatientCard,
  args: { patient },
  decorators: [withFakeClinik({ patients: [patient] })],
} satisfies Meta<typeof PatientCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const card = within(canvasElement).getByRole('article', { name: 'Ada Lovelace' });
    await expect(card).toHaveTextContent('36 years');
  },
};

export const LoadedById: Story = {
  args: { patient: undefined, patientId: 'pat-00000' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('article', { name: 'Ada Lovelace' });
  },
};

export const Loading: Story = {
  args: { patient: undefined, patientId: 'pat-00000' },
  decorators: [withFakeClinik({ patients: [patient], setup: (api) => void api.hold() })],
};

export const WithoutContact: Story = {
  args: { patient: { ...patient, phone: undefined, email: undefined, birthDate: undefined } },
};

export const DarkTheme: Story = {
  decorators: [withFakeClinik({ patients: [patient], theme: 'dark' })],
};

export const NarrowWidth: Story = {
  decorators: [withFakeClinik({ patients: [patient], width: 280 })],
};
