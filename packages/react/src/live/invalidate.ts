import { type ChangeNotice, isResourcePath } from '@clinikapi/core/client';
import type { QueryClient } from '@tanstack/react-query';
import { clinikKeys } from '../queries/keys.js';
import { forgetOwnWrite } from '../queries/readYourWrites.js';

/**
 * Marks exactly what a change elsewhere makes stale: the resource's lists and its detail (removed
 * on delete); an appointment change also moves slots between free and busy.
 */
export async function invalidateForNotice(
  queryClient: QueryClient,
  notice: ChangeNotice,
): Promise<void> {
  if (!isResourcePath(notice.resource)) return;
  const path = notice.resource;
  const work: Promise<void>[] = [
    queryClient.invalidateQueries({ queryKey: clinikKeys.lists(path) }),
  ];
  if (notice.action === 'deleted') {
    // Someone deleted it: a record this client wrote must not be kept in lists any longer.
    forgetOwnWrite(queryClient, path, notice.resourceId);
    queryClient.removeQueries({ queryKey: clinikKeys.detail(path, notice.resourceId) });
  } else {
    work.push(
      queryClient.invalidateQueries({ queryKey: clinikKeys.detail(path, notice.resourceId) }),
    );
  }
  if (path === 'appointments')
    work.push(queryClient.invalidateQueries({ queryKey: clinikKeys.all('slots') }));
  await Promise.all(work);
}
