import type { Patient } from '@clinikapi/core';
import { ClinikProvider, PatientCard, PatientForm, PatientList } from '@clinikapi/react';
import '@clinikapi/react/styles.css'; // optional
import { useState } from 'react';

export function Patients() {
  const [selected, setSelected] = useState<Patient>();
  return (
    <ClinikProvider baseUrl="/api/clinik" timeZone="America/New_York" locale="en-US">
      <PatientList onSelect={(patient) => setSelected(patient)} />
      <PatientForm patientId={selected?.id} onSaved={setSelected} />
      {selected && <PatientCard patient={selected} />}
    </ClinikProvider>
  );
}
