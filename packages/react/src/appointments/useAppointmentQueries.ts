'use client';
import type { Appointment, AppointmentCreate, AppointmentPatch } from '@clinikapi/core';
import {
  type ClinikClient,
  ClinikConflictError,
  ClinikPreconditionFailedError,
} from '@clinikapi/core/client';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { guardedUpdate } from '../form/guardedUpdate.js';
import { useClinik } from '../provider/context.js';
import { clinikInvalidation } from '../queries/invalidation.js';
import type { ClinikQuerySettings } from '../queries/options.js';
import { type Instant, toZonedIso } from '../time/zone.js';
import {
  type AppointmentSearchParams,
  appointmentQueries,
  type PractitionerListParams,
} from './appointmentQueries.js';

/** Filters of `useAppointments`: by patient, practitioner, status and start range. */
export interface AppointmentFilters extends Omit<AppointmentSearchParams, 'dateFrom' | 'dateTo'> {
  /** Appointments starting at or after this instant. */
  from?: Instant | undefined;
  /** Appointments starting at or before this instant. */
  to?: Instant | undefined;
  /** Zone the bounds are written in (ISO with offset). Defaults to the provider's. */
  timeZone?: string | undefined;
}

function toSearch(
  { from, to, timeZone, ...rest }: AppointmentFilters,
  fallbackZone: string,
): AppointmentSearchParams {
  const zone = timeZone ?? fallbackZone;
  return {
    ...rest,
    dateFrom: from === undefined ? undefined : toZonedIso(from, zone),
    dateTo: to === undefined ? undefined : toZonedIso(to, zone),
  };
}

/**
 * Keeps the previous result on screen while the next page or range loads, but never across
 * owners: another patient's appointments must not stand in for this patient's.
 */
function keepPreviousOfSameOwner(search: AppointmentSearchParams) {
  return <T>(previous: T | undefined, previousQuery?: { queryKey: readonly unknown[] }) => {
    const before = previousQuery?.queryKey.at(-1) as AppointmentSearchParams | undefined;
    const same =
      before?.patientId === search.patientId && before?.practitionerId === search.practitionerId;
    return same ? keepPreviousData(previous) : undefined;
  };
}

/** One page of appointments; the previous page stays while the next one loads. */
export function useAppointments(filters: AppointmentFilters = {}, settings?: ClinikQuerySettings) {
  const { timeZone } = useClinik();
  const search = toSearch(filters, timeZone);
  return useQuery({
    ...appointmentQueries.list(search),
    ...settings,
    placeholderData: keepPreviousOfSameOwner(search),
  });
}

/** Every appointment in a range (cursor pages followed), for agendas and day-grouped lists. */
export function useAppointmentsInRange(
  filters: Omit<AppointmentFilters, 'cursor' | 'count'>,
  settings?: ClinikQuerySettings,
) {
  const { timeZone } = useClinik();
  const search = toSearch(filters, timeZone);
  return useQuery({
    ...appointmentQueries.range(search),
    ...settings,
    placeholderData: keepPreviousOfSameOwner(search),
  });
}

/** One appointment by id; idle while `id` is empty. */
export function useAppointment(id: string | undefined, settings?: ClinikQuerySettings) {
  return useQuery({
    ...appointmentQueries.detail(id ?? ''),
    ...settings,
    enabled: Boolean(id) && (settings?.enabled ?? true),
  });
}

/** One page of practitioners (`name`, `specialty`, `active` filters). */
export function usePractitioners(params?: PractitionerListParams, settings?: ClinikQuerySettings) {
  return useQuery({
    ...appointmentQueries.practitioners(params),
    ...settings,
    placeholderData: keepPreviousData,
  });
}

/** Which slots `useSlots` loads: one practitioner's or one schedule's, between two instants. */
export type SlotQuery = (
  | { practitionerId: string | undefined; scheduleId?: undefined }
  | { scheduleId: string | undefined; practitionerId?: undefined }
) & {
  from: Instant;
  to: Instant;
  /** Zone the bounds are written in. Defaults to the provider's. */
  timeZone?: string | undefined;
};

/** Slots in a range, sorted by start; idle until a practitioner or schedule is given. */
export function useSlots(query: SlotQuery, settings?: ClinikQuerySettings) {
  const clinik = useClinik();
  const zone = query.timeZone ?? clinik.timeZone;
  const owner = query.practitionerId ?? query.scheduleId;
  return useQuery({
    ...appointmentQueries.slots({
      practitionerId: query.practitionerId,
      scheduleId: query.scheduleId,
      dateFrom: toZonedIso(query.from, zone),
      dateTo: toZonedIso(query.to, zone),
    }),
    ...settings,
    enabled: Boolean(owner) && (settings?.enabled ?? true),
  });
}

/** A taken slot (409), not a stale version (412, a kind of conflict too): the times changed. */
const slotTaken = (error: unknown) =>
  error instanceof ClinikConflictError && !(error instanceof ClinikPreconditionFailedError);

/**
 * Books: `mutate(body)` with `slotId`, `start`/`end` (ISO with offset). Refreshes appointments
 * and slots on success, and slots on a 409 CONFLICT (the slot was taken meanwhile).
 */
export function useBookAppointment() {
  const { client } = useClinik();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['clinik', 'appointments', 'book'],
    mutationFn: (body: AppointmentCreate) => client.appointments.create(body),
    onSuccess: (appointment) => clinikInvalidation.scheduled(queryClient, appointment),
    onError: (error) =>
      slotTaken(error) ? clinikInvalidation.slotsChanged(queryClient) : undefined,
  });
}

export interface UpdateAppointmentVariables {
  id: string;
  patch: AppointmentPatch;
  /**
   * The stored copy the patch was computed against (read by id, or the list row the user saw).
   * Given, the write only applies to that version (`If-Match`, or an `updatedAt` check on an API
   * without ETags) and throws `RecordChangedError` with the latest copy when someone else changed
   * it meanwhile. Defaults to none: last write wins.
   */
  base?: Appointment | undefined;
}

/** One PATCH of an appointment, guarded when a `base` version is given. */
function patchAppointment(
  client: ClinikClient,
  queryClient: QueryClient,
  id: string,
  patch: AppointmentPatch,
  base: Appointment | undefined,
): Promise<Appointment> {
  return base
    ? guardedUpdate(client, queryClient, 'appointments', { id, base, patch })
    : client.appointments.update(id, patch);
}

/**
 * Updates or reschedules: `mutate({ id, patch, base? })`. Refreshes appointments and slots; a
 * slot taken meanwhile (409) refreshes the slots.
 */
export function useUpdateAppointment() {
  const { client } = useClinik();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['clinik', 'appointments', 'update'],
    mutationFn: ({ id, patch, base }: UpdateAppointmentVariables) =>
      patchAppointment(client, queryClient, id, patch, base),
    onSuccess: (appointment) => clinikInvalidation.scheduled(queryClient, appointment),
    onError: (error) =>
      slotTaken(error) ? clinikInvalidation.slotsChanged(queryClient) : undefined,
  });
}

export interface CancelAppointmentVariables {
  id: string;
  /** Why it was cancelled (`cancelationReason`, at most 500 characters). */
  reason?: string | undefined;
  /**
   * The version the user chose to cancel (e.g. the list row shown). Given, only that version is
   * cancelled: when it changed meanwhile (moved, arrived, already cancelled) nothing is written
   * and `RecordChangedError` carries the appointment as it is now. Defaults to none.
   */
  base?: Appointment | undefined;
}

/** Cancels: status `cancelled` with `cancelationReason`; the API frees the slot again. */
export function useCancelAppointment() {
  const { client } = useClinik();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['clinik', 'appointments', 'cancel'],
    mutationFn: ({ id, reason, base }: CancelAppointmentVariables): Promise<Appointment> =>
      patchAppointment(
        client,
        queryClient,
        id,
        { status: 'cancelled', ...(reason?.trim() ? { cancelationReason: reason.trim() } : {}) },
        base,
      ),
    onSuccess: (appointment) => clinikInvalidation.scheduled(queryClient, appointment),
  });
}
