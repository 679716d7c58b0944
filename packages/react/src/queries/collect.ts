import type { ListPage, ResourcePath } from '@clinikapi/core';
import type { QueryClient } from '@tanstack/react-query';
import { clinikClientOf } from './clientRegistry.js';
import type { RecordOf, SearchParamsOf } from './types.js';

/** Records a range query collects at most (a 100-record page at a time): 1,000. */
export const RANGE_LIMIT = 1000;

/**
 * Every record of a search, following cursors (100 per page) up to `RANGE_LIMIT`: a day or a
 * week of a schedule is shown whole, never as a first page that hides late slots. `hasMore` is
 * true when the limit cut the result short.
 */
export async function collectPages<P extends ResourcePath>(
  queryClient: QueryClient,
  path: P,
  params: SearchParamsOf<P>,
  signal: AbortSignal,
): Promise<ListPage<RecordOf<P>>> {
  const data: RecordOf<P>[] = [];
  let last: ListPage<RecordOf<P>> | undefined;
  for await (const page of clinikClientOf(queryClient).paginate(
    path,
    { ...params, count: 100 },
    { signal },
  )) {
    data.push(...(page.data as RecordOf<P>[]));
    last = page as ListPage<RecordOf<P>>;
    if (data.length >= RANGE_LIMIT) break;
  }
  return {
    data,
    total: last?.total ?? data.length,
    cursor: last?.cursor ?? null,
    hasMore: last?.hasMore ?? false,
  };
}
