import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { ClinikProvider } from '../provider/ClinikProvider.js';
import { AppointmentAgenda } from './AppointmentAgenda/AppointmentAgenda.js';
import { AppointmentForm } from './AppointmentForm/AppointmentForm.js';
import { usePractitioners } from './useAppointmentQueries.js';

/**
 * Talks to the real proxy and the seeded in-memory sandbox that `storybook dev` mounts at
 * /api/clinik (.storybook/liveSandbox.ts): practitioners with schedules and free slots in
 * America/New_York. Book a time, watch the agenda turn it busy. Not part of story tests.
 */
function Scheduling() {
  const practitioners = usePractitioners({ count: 20 });
  const [chosen, setChosen] = useState('');
  const practitionerId = chosen || practitioners.data?.data[0]?.id || '';
  return (
    <div style={{ display: 'grid', gap: 24, gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 2fr)' }}>
      {/* No key needed: the form follows practitionerId (its state starts over per practitioner). */}
      <AppointmentForm
        practitionerId={practitionerId || undefined}
        onBooked={(appointment) => setChosen(appointment.practitionerId ?? '')}
      />
      {practitionerId ? <AppointmentAgenda practitionerId={practitionerId} /> : null}
    </div>
  );
}

const meta = {
  title: 'Appointments/Live sandbox',
  component: Scheduling,
  tags: ['!test', '!autodocs', 'live'],
  decorators: [
    (Story) => (
      <ClinikProvider baseUrl="/api/clinik" timeZone="America/New_York">
        <Story />
      </ClinikProvider>
    ),
  ],
} satisfies Meta<typeof Scheduling>;

export default meta;

export const SchedulingAgainstSandbox: StoryObj<typeof meta> = {};
