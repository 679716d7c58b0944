import type { ResourcePath } from '@clinikapi/core';
import type { QueryClient } from '@tanstack/react-query';
import { clinikKeys } from './keys.js';
import { noteOwnWrite } from './readYourWrites.js';
import type { RecordOf } from './types.js';
import { noteVersion } from './versions.js';

/**
 * The one place that decides what a successful mutation makes stale: every list of the resource
 * (a record may enter, leave or move in any search), and the detail it touched. The written
 * record is also merged into cached lists while search catches up (see `installReadYourWrites`).
 */
export const clinikInvalidation = {
  async created<P extends ResourcePath>(queryClient: QueryClient, path: P, record: RecordOf<P>) {
    noteVersion(queryClient, path, record);
    queryClient.setQueryData(clinikKeys.detail(path, record.id), record);
    noteOwnWrite(queryClient, path, record.id, { record });
    await queryClient.invalidateQueries({ queryKey: clinikKeys.lists(path) });
  },
  async updated<P extends ResourcePath>(queryClient: QueryClient, path: P, record: RecordOf<P>) {
    noteVersion(queryClient, path, record);
    queryClient.setQueryData(clinikKeys.detail(path, record.id), record);
    noteOwnWrite(queryClient, path, record.id, { record });
    await queryClient.invalidateQueries({ queryKey: clinikKeys.lists(path) });
  },
  async deleted<P extends ResourcePath>(queryClient: QueryClient, path: P, id: string) {
    queryClient.removeQueries({ queryKey: clinikKeys.detail(path, id) });
    noteOwnWrite(queryClient, path, id, { deleted: true });
    await queryClient.invalidateQueries({ queryKey: clinikKeys.lists(path) });
  },
  /** For changes that arrive from elsewhere (webhook events): everything about the resource. */
  async changedElsewhere(queryClient: QueryClient, path: ResourcePath) {
    await queryClient.invalidateQueries({ queryKey: clinikKeys.all(path) });
  },
};
