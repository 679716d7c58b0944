import type { Appointment, ListPage, ResourcePath, SlotStatus } from '@clinikapi/core';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { clinikClientOf } from '../queries/clientRegistry.js';
import { resourceQueries } from '../queries/clinikQueries.js';
import { clinikKeys, normalizeParams } from '../queries/keys.js';
import { noteOwnWrite } from '../queries/readYourWrites.js';
import type { RecordOf, SearchParamsOf } from '../queries/types.js';
import { noteVersion } from '../queries/versions.js';

/** Search parameters of `GET /v1/appointments` (patient, practitioner, status, date range, paging). */
export type AppointmentSearchParams = SearchParamsOf<'appointments'>;
/** Search parameters of `GET /v1/practitioners`. */
export type PractitionerListParams = SearchParamsOf<'practitioners'>;

/** Slots of one practitioner or one schedule between two instants (ISO 8601 with offset). */
export interface SlotRangeParams {
  practitionerId?: string;
  scheduleId?: string;
  /** Inclusive lower bound on the slot start, ISO 8601 with offset. */
  dateFrom: string;
  /** Inclusive upper bound on the slot start, ISO 8601 with offset. */
  dateTo: string;
  /** Only slots of this status. Defaults to every status. */
  status?: SlotStatus;
}

/** Records a range query collects at most (a 100-record page at a time). Defaults to 1,000. */
export const RANGE_LIMIT = 1000;

type RangePath = Extract<ResourcePath, 'appointments' | 'slots'>;

/**
 * Every record of a search, following cursors (100 per page) up to `RANGE_LIMIT`: a day or
 * a week of a schedule is shown whole, never as a first page that hides late slots.
 */
async function collect<P extends RangePath>(
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

const appointments = resourceQueries('appointments');
const practitioners = resourceQueries('practitioners');

/**
 * Query options of scheduling: appointments, practitioners and slots. Keys live under part 1's
 * `clinikKeys`, so `clinikInvalidation` and `invalidateQueries(clinikKeys.lists(...))` reach them.
 */
export const appointmentQueries = {
  /** One cursor page of appointments. */
  list: (params?: AppointmentSearchParams) => appointments.list(params),
  /** Every appointment in a date range (sorted by start), e.g. a week of an agenda. */
  range: (params: Omit<AppointmentSearchParams, 'cursor' | 'count'>) => {
    const normalized = normalizeParams({ sort: 'date' as const, ...params });
    return queryOptions({
      queryKey: [...clinikKeys.lists('appointments'), 'range', normalized] as const,
      queryFn: ({ client, signal }) => collect(client, 'appointments', normalized, signal),
    });
  },
  /** One appointment by id. */
  detail: (id: string) => appointments.detail(id),
  /** One practitioner by id. */
  practitioner: (id: string) => practitioners.detail(id),
  /** One page of practitioners. */
  practitioners: (params?: PractitionerListParams) => practitioners.list(params),
  /** Every slot of a practitioner or schedule in a range, sorted by start. */
  slots: (params: SlotRangeParams) => {
    const normalized = normalizeParams({ ...params, sort: 'date' as const });
    return queryOptions({
      queryKey: [...clinikKeys.lists('slots'), 'range', normalized] as const,
      queryFn: ({ client, signal }) => collect(client, 'slots', normalized, signal),
    });
  },
};

/**
 * What a booking, reschedule or cancel makes stale: the appointment itself, every appointment
 * list, and every slot list (a slot turned busy or free). Until search catches up, lists show the
 * appointment as written and its slot as busy (or free after a cancel).
 */
export async function invalidateAfterScheduling(
  queryClient: QueryClient,
  appointment?: Appointment,
): Promise<void> {
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
}

/** Refreshes slots only, e.g. after a 409 showed the picked slot was taken meanwhile. */
export function refreshSlots(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: clinikKeys.lists('slots') });
}
