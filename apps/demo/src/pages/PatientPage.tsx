import {
  AppointmentForm,
  AppointmentList,
  PatientCard,
  PatientForm,
  usePatient,
} from '@clinikapi/react';
import { useState } from 'react';
import { PRACTICE_TIME_ZONE } from '../App.js';
import { useConfirmation } from '../confirmation.js';
import { usePage } from '../page.js';
import { Link } from '../router.js';

const bookedAt = new Intl.DateTimeFormat('en-US', {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: PRACTICE_TIME_ZONE,
});

export function PatientPage({ patientId, canEdit }: { patientId: string; canEdit: boolean }) {
  const patient = usePatient(patientId);
  const [editing, setEditing] = useState(false);
  const [booking, setBooking] = useState(() =>
    new URLSearchParams(window.location.search).has('booking'),
  );
  const confirmation = useConfirmation();
  const heading = usePage(patient.isError ? 'Patient not found' : 'Patient record', {
    said: patient.isError ? 'Patient not found' : (patient.data?.fullName ?? ''),
    ready: patient.isError || patient.data !== undefined,
  });

  if (patient.isError) {
    return (
      <section className="demo-page" aria-labelledby="patient-missing">
        <h1 id="patient-missing" ref={heading} tabIndex={-1}>
          Patient not found
        </h1>
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
      <h1 id="patient-title" ref={heading} tabIndex={-1}>
        {name}
      </h1>
      <PatientCard patientId={patientId} />
      <p>
        <Link to={`/patients/${encodeURIComponent(patientId)}/chart`}>Open the chart</Link>
      </p>
      {canEdit && (
        <div className="demo-actions">
          <button
            type="button"
            className="ck-button"
            onClick={() => {
              confirmation.clear();
              setEditing((v) => !v);
            }}
            aria-expanded={editing}
          >
            {editing ? 'Close editing' : 'Edit details'}
          </button>
          <button
            type="button"
            className="ck-button ck-button--primary"
            onClick={() => {
              confirmation.clear();
              setBooking((v) => !v);
            }}
            aria-expanded={booking}
          >
            {booking ? 'Close booking' : 'Book an appointment'}
          </button>
        </div>
      )}
      {/* Where focus goes when a form below closes on success; says what happened. */}
      <p {...confirmation.props} />
      {canEdit && editing && (
        <section aria-labelledby="edit-title">
          <h2 id="edit-title">Edit details</h2>
          <PatientForm
            patientId={patientId}
            onSaved={(saved) => {
              setEditing(false);
              confirmation.confirm(`Saved the details of ${saved.fullName}.`);
            }}
          />
        </section>
      )}
      {canEdit && booking && (
        <section aria-labelledby="book-title">
          <h2 id="book-title">Book an appointment</h2>
          <AppointmentForm
            patientId={patientId}
            timeZone={PRACTICE_TIME_ZONE}
            onBooked={(appointment) => {
              setBooking(false);
              confirmation.confirm(
                appointment.start
                  ? `Booked for ${bookedAt.format(new Date(appointment.start))}.`
                  : 'Booked.',
              );
            }}
          />
        </section>
      )}
      <AppointmentList patientId={patientId} timeZone={PRACTICE_TIME_ZONE} />
    </section>
  );
}
