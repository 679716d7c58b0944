'use client';
import {
  type ClinikClient,
  ClinikPreconditionFailedError,
  etagOf,
  type ResourcePath,
} from '@clinikapi/core/client';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { useClinik } from '../provider/context.js';
import { clinikInvalidation } from '../queries/invalidation.js';
import { clinikKeys } from '../queries/keys.js';
import type { PatchOf, RecordOf } from '../queries/types.js';
import { noteVersion, versionOf } from '../queries/versions.js';

/**
 * The record changed after the version a write was computed against (a 412 from `If-Match`, or
 * a newer `updatedAt` on an API without ETags). Nothing was written. `latest` is the record as
 * stored now, for showing the user what changed.
 */
export class RecordChangedError<R = unknown> extends Error {
  override name = 'RecordChangedError';
  constructor(
    readonly latest: R,
    options?: { cause?: unknown },
  ) {
    super('The record was changed by someone else since it was read', options);
  }
}

export interface GuardedUpdateVariables<P extends ResourcePath> {
  id: string;
  /** The stored copy `patch` was computed against (its `updatedAt` names the version). */
  base: RecordOf<P>;
  /** Only the fields the user changed; nested objects complete, merged onto `base`. */
  patch: PatchOf<P>;
}

/**
 * `PATCH /v1/{path}/{id}` that never overwrites a version the user has not seen:
 * - `base` was read by id here with an ETag: sent with `If-Match`; a 412 reads the record again.
 * - Otherwise (a search row, or an API that sends no ETag): the record is read first; a different
 *   `updatedAt` stops the write, the same one sends the patch (with that read's ETag, if any).
 * Throws `RecordChangedError` (with the latest record, also put into the cache) when the record
 * moved on, and the client's errors otherwise. Contract: "Decision (versions and concurrency)".
 * The write alone, for hooks that refresh more than `clinikInvalidation.updated` does (an
 * appointment's slots); `useGuardedUpdate` wraps it in a mutation.
 */
export async function guardedUpdate<P extends ResourcePath>(
  client: ClinikClient,
  queryClient: QueryClient,
  path: P,
  { id, base, patch }: GuardedUpdateVariables<P>,
): Promise<RecordOf<P>> {
  const resource = client.resource(path);
  const readLatest = async (): Promise<RecordOf<P>> => {
    const latest = await resource.read(id);
    noteVersion(queryClient, path, latest);
    queryClient.setQueryData(clinikKeys.detail(path, id), latest);
    return latest;
  };
  const baseVersion = base as { updatedAt?: string };
  let ifMatch = versionOf(queryClient, path, { id, updatedAt: baseVersion.updatedAt });
  if (!ifMatch) {
    const latest = await readLatest();
    if ((latest as { updatedAt?: string }).updatedAt !== baseVersion.updatedAt) {
      throw new RecordChangedError(latest);
    }
    ifMatch = etagOf(latest);
  }
  try {
    return await resource.update(id, patch, { ifMatch });
  } catch (error) {
    if (error instanceof ClinikPreconditionFailedError) {
      throw new RecordChangedError(await readLatest(), { cause: error });
    }
    throw error;
  }
}

/** `guardedUpdate` as a mutation; on success the record is cached and its lists refreshed. */
export function useGuardedUpdate<P extends ResourcePath>(path: P) {
  const { client } = useClinik();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['clinik', path, 'update', 'guarded'],
    mutationFn: (variables: GuardedUpdateVariables<P>): Promise<RecordOf<P>> =>
      guardedUpdate(client, queryClient, path, variables),
    onSuccess: (record) => clinikInvalidation.updated(queryClient, path, record),
  });
}
