import { AppointmentList, PatientCard } from '@clinikapi/react';
import { PRACTICE_TIME_ZONE } from '../App.js';

export function PortalPage({ patientId }: { patientId: string }) {
  return (
    <section className="demo-page" aria-labelledby="portal-title">
      <h1 id="portal-title">My record</h1>
      <PatientCard patientId={patientId} />
      <AppointmentList patientId={patientId} timeZone={PRACTICE_TIME_ZONE} />
    </section>
  );
}
