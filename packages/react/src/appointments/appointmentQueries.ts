import type { SlotStatus } from '@clinikapi/core';
import {
  clinikQueries,
  type DetailQueryOptions,
  type ListQueryOptions,
  type RangeQueryOptions,
} from '../queries/clinikQueries.js';
import { clinikInvalidation } from '../queries/invalidation.js';
import type { SearchParamsOf } from '../queries/types.js';

export { RANGE_LIMIT } from '../queries/collect.js';

/** Search parameters of `GET /v1/appointments` (patient, practitioner, status, date range, paging). */
export type AppointmentSearchParams = SearchParamsOf<'appointments'>;
/** Search parameters of `GET /v1/practitioners`. */
export type PractitionerListParams = SearchParamsOf<'practitioners'>;

/** Slots of one practitioner or one schedule between two instants (ISO 8601 with offset). */
export interface SlotRangeParams {
  practitionerId?: string | undefined;
  scheduleId?: string | undefined;
  /** Inclusive lower bound on the slot start, ISO 8601 with offset. */
  dateFrom: string;
  /** Inclusive upper bound on the slot start, ISO 8601 with offset. */
  dateTo: string;
  /** Only slots of this status. Defaults to every status. */
  status?: SlotStatus | undefined;
}

/**
 * Scheduling shorthands over `clinikQueries` (the one query factory): ranges sorted by start.
 * `appointmentQueries.range(p)` is `clinikQueries.appointments.range({ sort: 'date', ...p })`.
 */
export const appointmentQueries = {
  /** One cursor page of appointments. */
  list: (params?: AppointmentSearchParams): ListQueryOptions<'appointments'> =>
    clinikQueries.appointments.list(params),
  /** Every appointment in a date range (sorted by start unless `sort` says otherwise). */
  range: (
    params: Omit<AppointmentSearchParams, 'cursor' | 'count'>,
  ): RangeQueryOptions<'appointments'> =>
    clinikQueries.appointments.range({ sort: 'date', ...params }),
  /** One appointment by id. */
  detail: (id: string): DetailQueryOptions<'appointments'> => clinikQueries.appointments.detail(id),
  /** One practitioner by id. */
  practitioner: (id: string): DetailQueryOptions<'practitioners'> =>
    clinikQueries.practitioners.detail(id),
  /** One page of practitioners. */
  practitioners: (params?: PractitionerListParams): ListQueryOptions<'practitioners'> =>
    clinikQueries.practitioners.list(params),
  /** Every slot of a practitioner or schedule in a range, sorted by start. */
  slots: (params: SlotRangeParams): RangeQueryOptions<'slots'> =>
    clinikQueries.slots.range({ ...params, sort: 'date' }),
  /**
   * The first free slots (one page of 100, earliest first) of a practitioner or schedule in a
   * range: where "Next available" looks.
   */
  freeSlots: (params: Omit<SlotRangeParams, 'status'>): ListQueryOptions<'slots'> =>
    clinikQueries.slots.list({ ...params, status: 'free', sort: 'date', count: 100 }),
};

/** @deprecated Use `clinikInvalidation.scheduled(queryClient, appointment)`. */
export const invalidateAfterScheduling = clinikInvalidation.scheduled;

/** @deprecated Use `clinikInvalidation.slotsChanged(queryClient)`. */
export const refreshSlots = clinikInvalidation.slotsChanged;
