import type { Patient } from '@clinikapi/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { ClinikProvider } from '../provider/ClinikProvider.js';
import { PatientCard } from './PatientCard/PatientCard.js';
import { PatientForm } from './PatientForm/PatientForm.js';
import { PatientList } from './PatientList/PatientList.js';

/**
 * Talks to the real proxy and an in-memory seeded sandbox that `storybook dev` mounts at
 * /api/clinik (.storybook/liveSandbox.ts). Create a patient, then find it in the list.
 * Not part of story tests or static builds, which have no live API.
 */
function FrontDesk() {
  const [selected, setSelected] = useState<Patient | undefined>();
  return (
    <div style={{ display: 'grid', gap: 24, gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)' }}>
      <PatientList onSelect={setSelected} pagination="infinite" height={420} />
      <div style={{ display: 'grid', gap: 16, alignContent: 'start' }}>
        {selected && <PatientCard patient={selected} />}
        <PatientForm key={selected?.id ?? 'new'} patientId={selected?.id} onSaved={setSelected} />
      </div>
    </div>
  );
}

const meta = {
  title: 'Patients/Live sandbox',
  component: FrontDesk,
  tags: ['!test', '!autodocs', 'live'],
  decorators: [
    (Story) => (
      <ClinikProvider baseUrl="/api/clinik">
        <Story />
      </ClinikProvider>
    ),
  ],
} satisfies Meta<typeof FrontDesk>;

export default meta;

export const FrontDeskAgainstSandbox: StoryObj<typeof meta> = {};
