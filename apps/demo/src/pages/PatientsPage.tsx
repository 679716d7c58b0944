import { PatientList } from '@clinikapi/react';
import { usePage } from '../page.js';
import { Link, navigate } from '../router.js';

export function PatientsPage({ canCreate }: { canCreate: boolean }) {
  const heading = usePage('Patients');
  return (
    <section aria-labelledby="patients-title" className="demo-page">
      <div className="demo-page-head">
        <h1 id="patients-title" ref={heading} tabIndex={-1}>
          Patients
        </h1>
        {canCreate && (
          <Link to="/patients/new" className="ck-button ck-button--primary demo-button">
            New patient
          </Link>
        )}
      </div>
      <PatientList
        onSelect={(patient) => navigate(`/patients/${encodeURIComponent(patient.id)}`)}
      />
    </section>
  );
}
