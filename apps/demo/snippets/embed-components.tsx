import '@clinikapi/react/styles.css';
import { AppointmentForm, ClinikProvider, PatientCard, PatientList } from '@clinikapi/react';
import { useState } from 'react';

// The browser talks to your own server's /api/clinik (the proxy), never to ClinikAPI.
export function FrontDesk() {
  const [patientId, setPatientId] = useState<string>();
  return (
    <ClinikProvider baseUrl="/api/clinik" timeZone="America/New_York" live>
      <PatientList onSelect={(patient) => setPatientId(patient.id)} />
      {patientId && (
        <>
          <PatientCard patientId={patientId} />
          {/* Stays open after booking: its "Booked for …" confirmation is announced and focused. */}
          <AppointmentForm patientId={patientId} />
        </>
      )}
    </ClinikProvider>
  );
}
