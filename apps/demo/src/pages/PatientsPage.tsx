import { PatientList } from '@clinikapi/react';
import { Link, navigate } from '../router.js';

export function PatientsPage({ canCreate }: { canCreate: boolean }) {
  return (
    <section aria-labelledby="patients-title" className="demo-page">
      <div className="demo-page-head">
        <h1 id="patients-title">Patients</h1>
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
