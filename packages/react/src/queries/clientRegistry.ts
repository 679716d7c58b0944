import { type ClinikClient, ClinikConfigError } from '@clinikapi/core/client';
import type { QueryClient } from '@tanstack/react-query';

/**
 * Which ClinikAPI client a QueryClient fetches with. Query functions receive the QueryClient in
 * their context, so the option factories stay static (usable for prefetching) yet reach the
 * client the provider configured.
 */
const clients = new WeakMap<QueryClient, ClinikClient>();

/** Makes queries run through `queryClient` use `client`. `ClinikProvider` does this for you. */
export function bindClinikClient(queryClient: QueryClient, client: ClinikClient): void {
  clients.set(queryClient, client);
}

/** The client bound to `queryClient`; throws a coded error when none was bound. */
export function clinikClientOf(queryClient: QueryClient): ClinikClient {
  const client = clients.get(queryClient);
  if (!client) {
    throw new ClinikConfigError(
      'ERR_CLINIK_NO_CLIENT',
      'No ClinikAPI client is bound to this QueryClient: render inside <ClinikProvider> or call bindClinikClient()',
    );
  }
  return client;
}
