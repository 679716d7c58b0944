import type { Appointment, ResourcePath } from '@clinikapi/core';
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
  /**
   * A booking, reschedule or cancel: the appointment itself, every appointment list, and every
   * slot list (the API turned a slot busy or free). Until search catches up, lists show the
   * appointment as written and its slot busy (free after a cancel).
   */
  async scheduled(queryClient: QueryClient, appointment?: Appointment) {
    if (appointment) {
      noteVersion(queryClient, 'appointments', appointment);
      queryClient.setQueryData(clinikKeys.detail('appointments', appointment.id), appointment);
      noteOwnWrite(queryClient, 'appointments', appointment.id, { record: appointment });
      if (appointment.slotId) {
        noteOwnWrite(queryClient, 'slots', appointment.slotId, {
          // The API frees the slot of a cancelled appointment and holds it otherwise.
          fields: { status: appointment.status === 'cancelled' ? 'free' : 'busy' },
        });
      }
    }
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: clinikKeys.lists('appointments') }),
      queryClient.invalidateQueries({ queryKey: clinikKeys.lists('slots') }),
    ]);
  },
  /** Slots only, e.g. after a 409 showed the picked slot was taken meanwhile. */
  async slotsChanged(queryClient: QueryClient) {
    await queryClient.invalidateQueries({ queryKey: clinikKeys.lists('slots') });
  },
  /** For changes that arrive from elsewhere (webhook events): everything about the resource. */
  async changedElsewhere(queryClient: QueryClient, path: ResourcePath) {
    await queryClient.invalidateQueries({ queryKey: clinikKeys.all(path) });
  },
};
