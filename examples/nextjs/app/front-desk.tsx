'use client';

import { ClinikProvider, PatientList } from '@clinikapi/react';
import { useRouter } from 'next/navigation';

// Components run in the browser and call /api/clinik (the route handler), never ClinikAPI.
export function FrontDesk() {
  const router = useRouter();
  return (
    <ClinikProvider baseUrl="/api/clinik" timeZone="America/New_York">
      <PatientList onSelect={(patient) => router.push(`/patients/${patient.id}`)} />
    </ClinikProvider>
  );
}
