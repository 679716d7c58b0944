'use client';

import { ClinikProvider, PatientCard } from '@clinikapi/react';
import { type DehydratedState, HydrationBoundary, QueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';

export function PatientView({ patientId, state }: { patientId: string; state: DehydratedState }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }),
  );
  return (
    <ClinikProvider baseUrl="/api/clinik" timeZone="America/New_York" queryClient={queryClient}>
      <HydrationBoundary state={state}>
        <p>
          <Link href="/">All patients</Link>
        </p>
        <PatientCard patientId={patientId} />
      </HydrationBoundary>
    </ClinikProvider>
  );
}
