import { bindClinikClient, clinikQueries } from '@clinikapi/react/server';
import { dehydrate, QueryClient } from '@tanstack/react-query';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { serverClinikClient } from '../../../lib/server-client';
import { SESSION_COOKIE, userFromSession } from '../../../lib/session';
import { PatientView } from './patient-view';

// Server-side prefetch: the patient is read on the server (through the proxy, as the signed-in
// user) and handed to the client's cache, so the card renders with data in the first HTML.
// `@clinikapi/react/server` has the same query options as the components, without 'use client'.
export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  if (!userFromSession((await cookies()).get(SESSION_COOKIE)?.value)) redirect('/');
  const { id } = await params;
  const queryClient = new QueryClient();
  bindClinikClient(queryClient, await serverClinikClient());
  await queryClient.prefetchQuery(clinikQueries.patients.detail(id));
  return <PatientView patientId={id} state={dehydrate(queryClient)} />;
}
