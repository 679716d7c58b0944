'use client';
import type { ResourcePath } from '@clinikapi/core';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useClinik } from '../provider/context.js';
import { resourceQueries } from './clinikQueries.js';
import { clinikInvalidation } from './invalidation.js';
import type { ClinikQuerySettings } from './options.js';
import type { CreateOf, InfiniteParamsOf, PatchOf, SearchParamsOf } from './types.js';

/** One page of a search; the previous page stays on screen while the next one loads. */
export function useResourceList<P extends ResourcePath>(
  path: P,
  params?: SearchParamsOf<P>,
  settings?: ClinikQuerySettings,
) {
  return useQuery({
    ...resourceQueries(path).list(params),
    ...settings,
    placeholderData: keepPreviousData,
  });
}

/** All pages of a search loaded so far; `fetchNextPage()` follows the cursor. Keeps the previous results while new filters load. */
export function useInfiniteResourceList<P extends ResourcePath>(
  path: P,
  params?: InfiniteParamsOf<P>,
  settings?: ClinikQuerySettings,
) {
  return useInfiniteQuery({
    ...resourceQueries(path).infinite(params),
    ...settings,
    // A new search keeps the old rows on screen until its first page arrives.
    placeholderData: keepPreviousData,
  });
}

/** One record by id; idle while `id` is empty. */
export function useResource<P extends ResourcePath>(
  path: P,
  id: string | undefined,
  settings?: ClinikQuerySettings,
) {
  return useQuery({
    ...resourceQueries(path).detail(id ?? ''),
    ...settings,
    enabled: Boolean(id) && (settings?.enabled ?? true),
  });
}

/** `POST /v1/{path}`; refreshes the resource's lists afterwards. */
export function useCreateResource<P extends ResourcePath>(path: P) {
  const { client } = useClinik();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['clinik', path, 'create'],
    mutationFn: (body: CreateOf<P>) => client.resource(path).create(body),
    onSuccess: (record) => clinikInvalidation.created(queryClient, path, record),
  });
}

export interface UpdateVariables<P extends ResourcePath> {
  id: string;
  patch: PatchOf<P>;
}

/** `PATCH /v1/{path}/{id}`; updates the cached detail and refreshes the lists. */
export function useUpdateResource<P extends ResourcePath>(path: P) {
  const { client } = useClinik();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['clinik', path, 'update'],
    mutationFn: ({ id, patch }: UpdateVariables<P>) => client.resource(path).update(id, patch),
    onSuccess: (record) => clinikInvalidation.updated(queryClient, path, record),
  });
}

/** `DELETE /v1/{path}/{id}`; drops the cached detail and refreshes the lists. */
export function useDeleteResource<P extends ResourcePath>(path: P) {
  const { client } = useClinik();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['clinik', path, 'delete'],
    mutationFn: (id: string) => client.resource(path).delete(id),
    onSuccess: (_result, id) => clinikInvalidation.deleted(queryClient, path, id),
  });
}
