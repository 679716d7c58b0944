import {
  AppointmentForm,
  AppointmentList,
  PatientCard,
  PatientForm,
  usePatient,
} from '@clinikapi/react';
import { useState } from 'react';
import { PRACTICE_TIME_ZONE } from '../App.js';
import { Link } from '../router.js';

export function PatientPage({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const patient = usePatient(patientId);
  const [editing, setEditing] = useState(false);
  const [booking, setBooking] = useState(() =>
    new URLSearchParams(window.location.search).has('booking'),
  );

  if (patient.isError) {
    return (
      <section className="demo-page" aria-labelledby="patient-missing">
        <h1 id="patient-missing">Patient not found</h1>
        <p>
          This record does not exist or is not yours to see.{' '}
          <Link to="/patients">Back to patients</Link>
        </p>
      </section>
    );
  }
  const name = patient.data?.fullName ?? 'Patient';
  return (
    <section className="demo-page" aria-labelledby="patient-title">
      <p>
        <Link to="/patients">← All patients</Link>
      </p>
      <h1 id="patient-title">{name}</h1>
      <PatientCard patientId={patientId} />
      <p>
        <Link to={`/patients/${encodeURIComponent(patientId)}/chart`}>Open the chart</Link>
      </p>
      {canEdit && (
        <div className="demo-actions">
          <button
            type="button"
            className="ck-button"
            onClick={() => setEditing((v) => !v)}
            aria-expanded={editing}
          >
            {editing ? 'Close editing' : 'Edit details'}
          </button>
          <button
            type="button"
            className="ck-button ck-button--primary"
            onClick={() => setBooking((v) => !v)}
            aria-expanded={booking}
          >
            {booking ? 'Close booking' : 'Book an appointment'}
          </button>
        </div>
      )}
      {canEdit && editing && (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">Edit details</h2>
          <PatientForm patientId={patientId} onSaved={() => setEditing(false)} />
        </section>
      )}
      {canEdit && booking && (
        <section aria-labelledby="book-title">
          <h2 id="book-title">Book an appointment</h2>
          <AppointmentForm
            patientId={patientId}
            timeZone={PRACTICE_TIME_ZONE}
            onBooked={() => setBooking(false)}
          />
        </section>
      )}
      <AppointmentList patientId={patientId} timeZone={PRACTICE_TIME_ZONE} />
    </section>
  );
}
