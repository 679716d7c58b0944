import { PatientForm } from '@clinikapi/react';
import { usePage } from '../page.js';
import { navigate } from '../router.js';

export function NewPatientPage() {
  const heading = usePage('New patient');
  return (
    <section aria-labelledby="new-patient-title" className="demo-page">
      <h1 id="new-patient-title" ref={heading} tabIndex={-1}>
        New patient
      </h1>
      <PatientForm
        onSaved={(patient) => navigate(`/patients/${encodeURIComponent(patient.id)}?booking=1`)}
      />
    </section>
  );
}
