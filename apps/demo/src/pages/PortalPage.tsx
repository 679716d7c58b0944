import { AppointmentList, PatientCard } from '@clinikapi/react';
import { PRACTICE_TIME_ZONE } from '../App.js';
import { usePage } from '../page.js';

export function PortalPage({ patientId }: { patientId: string }) {
  const heading = usePage('My record');
  return (
    <section className="demo-page" aria-labelledby="portal-title">
      <h1 id="portal-title" ref={heading} tabIndex={-1}>
        My record
      </h1>
      <PatientCard patientId={patientId} />
      <AppointmentList patientId={patientId} timeZone={PRACTICE_TIME_ZONE} />
    </section>
  );
}
