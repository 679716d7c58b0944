import { dehydrate, QueryClient, queryOptions } from '@tanstack/react-query';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { serverClinikClient } from '../../../lib/server-client';
import { SESSION_COOKIE, userFromSession } from '../../../lib/session';
import { PatientView } from './patient-view';

// Server-side prefetch: the patient is read on the server (through the proxy, as the signed-in
// user) and handed to the client's cache, so the card renders with data in the first HTML.
export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  if (!userFromSession((await cookies()).get(SESSION_COOKIE)?.value)) redirect('/');
  const { id } = await params;
  const client = await serverClinikClient();
  const queryClient = new QueryClient();
  // The key the components use for one patient (see the README's note on @clinikapi/react/server).
  await queryClient.prefetchQuery(
    queryOptions({
      queryKey: ['clinik', 'patients', 'detail', id],
      queryFn: () => client.resource('patients').read(id),
    }),
  );
  return <PatientView patientId={id} state={dehydrate(queryClient)} />;
}
