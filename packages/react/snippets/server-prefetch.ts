import { createClinikClient } from '@clinikapi/core';
import { bindClinikClient, clinikQueries } from '@clinikapi/react/server';
import { dehydrate, QueryClient } from '@tanstack/react-query';

export async function prefetchPatients() {
  const queryClient = new QueryClient();
  // On the server only: the key never reaches the browser.
  bindClinikClient(
    queryClient,
    createClinikClient({
      baseUrl: 'https://api.clinikapi.com',
      apiKey: process.env.CLINIKAPI_SECRET_KEY,
    }),
  );
  await queryClient.prefetchQuery(clinikQueries.patients.list({ count: 20 }));
  return dehydrate(queryClient); // render <HydrationBoundary state={...}> around the client part
}
