import { PatientForm } from '@clinikapi/react';
import { navigate } from '../router.js';

export function NewPatientPage() {
  return (
    <section aria-labelledby="new-patient-title" className="demo-page">
      <h1 id="new-patient-title">New patient</h1>
      <PatientForm
        onSaved={(patient) => navigate(`/patients/${encodeURIComponent(patient.id)}?booking=1`)}
      />
    </section>
  );
}
