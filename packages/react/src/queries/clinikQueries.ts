import type { ResourcePath } from '@clinikapi/core';
import {
  type DataTag,
  type InfiniteData,
  infiniteQueryOptions,
  type QueryKey,
  queryOptions,
  type UnusedSkipTokenInfiniteOptions,
  type UnusedSkipTokenOptions,
} from '@tanstack/react-query';
import { clinikClientOf } from './clientRegistry.js';
import { collectPages } from './collect.js';
import { clinikKeys, normalizeParams } from './keys.js';
import type { InfiniteParamsOf, PageOf, RecordOf, SearchParamsOf } from './types.js';
import { noteVersion } from './versions.js';

// Named return types: left to inference, the emitted declarations spell `queryFn?: ... | undefined`,
// which `prefetchQuery` / `fetchQuery` refuse in apps with `exactOptionalPropertyTypes` (TS2379).
type QueryOptionsOf<T, K extends QueryKey> = UnusedSkipTokenOptions<T, Error, T, K> & {
  queryKey: DataTag<K, T, Error>;
};
type InfiniteQueryOptionsOf<T, K extends QueryKey> = UnusedSkipTokenInfiniteOptions<
  T,
  Error,
  InfiniteData<T>,
  K,
  string | null
> & { queryKey: DataTag<K, InfiniteData<T>, Error> };

/** What `list(params)` returns: one page of `P`, keyed `['clinik', P, 'list', 'page', params]`. */
export type ListQueryOptions<P extends ResourcePath> = QueryOptionsOf<
  PageOf<P>,
  readonly ['clinik', P, 'list', 'page', SearchParamsOf<P>]
>;
/** What `range(params)` returns: every record of a search, keyed `[..., 'range', params]`. */
export type RangeQueryOptions<P extends ResourcePath> = QueryOptionsOf<
  PageOf<P>,
  readonly ['clinik', P, 'list', 'range', SearchParamsOf<P>]
>;
/** What `detail(id)` returns: one record, keyed `['clinik', P, 'detail', id]`. */
export type DetailQueryOptions<P extends ResourcePath> = QueryOptionsOf<
  RecordOf<P>,
  readonly ['clinik', P, 'detail', string]
>;

/** Query options for one resource path: every hook, prefetch and invalidation goes through these. */
export function resourceQueries<P extends ResourcePath>(path: P) {
  return {
    /** Key prefix of everything cached for this resource. */
    all: () => clinikKeys.all(path),
    /** One page of a search (`count`, `cursor` and filters). */
    list: (params?: SearchParamsOf<P>): ListQueryOptions<P> => {
      const normalized = normalizeParams(params);
      return queryOptions({
        queryKey: clinikKeys.list(path, normalized),
        queryFn: ({ client, signal }): Promise<PageOf<P>> =>
          clinikClientOf(client).resource(path).search(normalized, { signal }),
      });
    },
    /** Every page of a search so far, following `cursor` while `hasMore`. */
    infinite: (
      params?: InfiniteParamsOf<P>,
    ): InfiniteQueryOptionsOf<
      PageOf<P>,
      readonly ['clinik', P, 'list', 'infinite', InfiniteParamsOf<P>]
    > => {
      const normalized = normalizeParams(params);
      return infiniteQueryOptions({
        queryKey: clinikKeys.infinite(path, normalized),
        queryFn: ({ client, signal, pageParam }): Promise<PageOf<P>> =>
          clinikClientOf(client)
            .resource(path)
            .search({ ...normalized, cursor: pageParam ?? undefined } as SearchParamsOf<P>, {
              signal,
            }),
        initialPageParam: null as string | null,
        getNextPageParam: (last: PageOf<P>) => (last.hasMore && last.cursor ? last.cursor : null),
      });
    },
    /**
     * Every record of a search (up to `RANGE_LIMIT`, cursors followed), e.g. a week of an agenda:
     * `clinikQueries.appointments.range({ practitionerId, dateFrom, dateTo, sort: 'date' })`.
     */
    range: (params: Omit<SearchParamsOf<P>, 'cursor' | 'count'>): RangeQueryOptions<P> => {
      const normalized = normalizeParams(params) as SearchParamsOf<P>;
      return queryOptions({
        queryKey: clinikKeys.range(path, normalized),
        queryFn: ({ client, signal }): Promise<PageOf<P>> =>
          collectPages(client, path, normalized, signal),
      });
    },
    /** One record by id. */
    detail: (id: string): DetailQueryOptions<P> =>
      queryOptions({
        queryKey: clinikKeys.detail(path, id),
        queryFn: async ({ client, signal }): Promise<RecordOf<P>> => {
          const record = await clinikClientOf(client).resource(path).read(id, { signal });
          // Forms write against this version: keep its ETag where the cached copy can find it.
          noteVersion(client, path, record);
          return record;
        },
      }),
  };
}

/**
 * The query-options factory, one for every resource: `clinikQueries.patients.list({ name: 'ada' })`,
 * `clinikQueries.slots.range({ practitionerId, dateFrom, dateTo, sort: 'date' })`,
 * `clinikQueries.resource('care-plans').detail(id)`. Pass the result to `useQuery`,
 * `queryClient.prefetchQuery` or `queryClient.invalidateQueries`. Server-safe: no React here.
 */
export const clinikQueries = {
  resource: resourceQueries,
  patients: resourceQueries('patients'),
  practitioners: resourceQueries('practitioners'),
  appointments: resourceQueries('appointments'),
  slots: resourceQueries('slots'),
};
