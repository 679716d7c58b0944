import type { Patient } from '@clinikapi/core';
import { ClinikProvider, PatientCard, PatientForm, PatientList } from '@clinikapi/react';

// The README's first block, in a component (also compiled with exactOptionalPropertyTypes).
export function Patients({
  selected,
  setSelected,
}: {
  selected: Patient | undefined;
  setSelected: (patient: Patient) => void;
}) {
  return (
    <ClinikProvider baseUrl="/api/clinik" timeZone="America/New_York" locale="en-US">
      <PatientList onSelect={(patient) => setSelected(patient)} />
      <PatientForm patientId={selected?.id} onSaved={setSelected} />
      {selected && <PatientCard patient={selected} />}
    </ClinikProvider>
  );
}
