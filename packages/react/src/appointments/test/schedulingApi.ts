import {
  type Appointment,
  appointmentCreateSchema,
  appointmentPatchSchema,
  type Patient,
  type Practitioner,
  type Slot,
  validate,
} from '@clinikapi/core';
import { getResponse, http, type RequestHandler } from 'msw';
import {
  errorResponse as fail,
  envelopeResponse as ok,
  pageOf,
  responseGate,
} from '../../test/contractResponses.js';

/**
 * An in-memory scheduling side of the data API as msw handlers, speaking the contract's envelopes,
 * cursors, 409 CONFLICT on a slot that is not free, and slot release on cancel. Tests serve the
 * handlers over real HTTP on 127.0.0.1; stories call them as their `fetch`.
 */
export interface SchedulingState {
  practitioners: Practitioner[];
  patients: Patient[];
  slots: Slot[];
  /** Which practitioner each schedule belongs to (`Schedule.actorIds`). */
  scheduleOwners: Record<string, string>;
  appointments: Appointment[];
}

export interface SchedulingApi {
  state: SchedulingState;
  handlers: RequestHandler[];
  /** Requests seen, `METHOD /path?query` (never bodies). */
  log: string[];
  /** Bodies of writes, for asserting what a booking sent (test data only). */
  writes: { method: string; path: string; body: unknown }[];
  /** Answers a request like the server would: the `fetch` of stories. */
  fetch: typeof fetch;
  /** Marks a slot busy as if another user booked it between display and submit. */
  takeSlot(slotId: string): void;
  /** The next `times` requests answer `status` with a contract error body. */
  failNext(times: number, status: number): void;
  /** Holds responses until released (loading states). */
  hold(): { release: () => void };
}

function inRange(start: string | undefined, url: URL): boolean {
  const from = url.searchParams.get('dateFrom');
  const to = url.searchParams.get('dateTo');
  if (!start) return !from && !to;
  const at = Date.parse(start);
  return (!from || at >= Date.parse(from)) && (!to || at <= Date.parse(to));
}

const byStart = (sort: string | null) => (a: { start?: string }, b: { start?: string }) =>
  (sort === '-date' ? -1 : 1) * (Date.parse(a.start ?? '') - Date.parse(b.start ?? ''));

export function createSchedulingApi(seed: SchedulingState): SchedulingApi {
  const state: SchedulingState = {
    practitioners: [...seed.practitioners],
    patients: [...seed.patients],
    slots: seed.slots.map((s) => ({ ...s })),
    scheduleOwners: { ...seed.scheduleOwners },
    appointments: seed.appointments.map((a) => ({ ...a })),
  };
  const log: string[] = [];
  const writes: SchedulingApi['writes'] = [];
  const gate = responseGate();
  let failures = { times: 0, status: 500 };
  let nextId = 1;
  const base = '*/v1';

  const setSlot = (id: string | undefined, status: Slot['status']) => {
    const slot = state.slots.find((s) => s.id === id);
    if (slot) slot.status = status;
  };
  const slotFree = (id: string) => state.slots.find((s) => s.id === id)?.status === 'free';

  const handlers: RequestHandler[] = [
    http.all(`${base}/*`, async ({ request }) => {
      const url = new URL(request.url);
      log.push(`${request.method} ${url.pathname}${url.search}`);
      await gate.passed();
      if (failures.times > 0) {
        failures.times -= 1;
        return fail(
          failures.status,
          failures.status === 500 ? 'INTERNAL_ERROR' : 'ERROR',
          'Simulated failure',
        );
      }
      return undefined; // fall through to the route handlers
    }),
    http.get(`${base}/practitioners`, ({ request }) => {
      const url = new URL(request.url);
      const name = url.searchParams.get('name')?.toLowerCase();
      const matches = state.practitioners.filter(
        (p) => !name || p.fullName.toLowerCase().includes(name),
      );
      return ok(pageOf(matches, url.searchParams));
    }),
    http.get(`${base}/practitioners/:id`, ({ params }) => {
      const found = state.practitioners.find((p) => p.id === params.id);
      return found ? ok(found) : fail(404, 'NOT_FOUND', 'Practitioner not found');
    }),
    http.get(`${base}/patients`, ({ request }) => {
      const url = new URL(request.url);
      const name = url.searchParams.get('name')?.toLowerCase();
      return ok(
        pageOf(
          state.patients.filter((p) => !name || p.fullName.toLowerCase().includes(name)),
          url.searchParams,
        ),
      );
    }),
    http.get(`${base}/slots`, ({ request }) => {
      const url = new URL(request.url);
      const practitionerId = url.searchParams.get('practitionerId');
      const scheduleId = url.searchParams.get('scheduleId');
      const status = url.searchParams.get('status');
      const matches = state.slots
        .filter(
          (s) =>
            (!practitionerId || state.scheduleOwners[s.scheduleId] === practitionerId) &&
            (!scheduleId || s.scheduleId === scheduleId) &&
            (!status || s.status === status) &&
            inRange(s.start, url),
        )
        .sort(byStart(url.searchParams.get('sort')));
      return ok(pageOf(matches, url.searchParams));
    }),
    http.get(`${base}/appointments`, ({ request }) => {
      const url = new URL(request.url);
      const q = (name: string) => url.searchParams.get(name);
      const matches = state.appointments
        .filter(
          (a) =>
            (!q('patientId') || a.patientId === q('patientId')) &&
            (!q('practitionerId') || a.practitionerId === q('practitionerId')) &&
            (!q('status') || a.status === q('status')) &&
            inRange(a.start, url),
        )
        .sort(byStart(q('sort')));
      return ok(pageOf(matches, url.searchParams));
    }),
    http.get(`${base}/appointments/:id`, ({ params }) => {
      const found = state.appointments.find((a) => a.id === params.id);
      return found ? ok(found) : fail(404, 'NOT_FOUND', 'Appointment not found');
    }),
    http.post(`${base}/appointments`, async ({ request }) => {
      const body = await request.json();
      writes.push({ method: 'POST', path: '/v1/appointments', body });
      const result = validate(appointmentCreateSchema, body);
      if (!result.success)
        return fail(422, 'VALIDATION_ERROR', 'The request body is invalid', result.issues);
      if (result.data.slotId && !slotFree(result.data.slotId)) {
        return fail(409, 'CONFLICT', 'The slot is no longer free');
      }
      setSlot(result.data.slotId, 'busy');
      const now = new Date().toISOString();
      const record: Appointment = {
        ...result.data,
        id: `appt-new-${nextId++}`,
        createdAt: now,
        updatedAt: now,
      };
      state.appointments.push(record);
      return ok(record, 201);
    }),
    http.patch(`${base}/appointments/:id`, async ({ request, params }) => {
      const body = await request.json();
      writes.push({ method: 'PATCH', path: `/v1/appointments/${String(params.id)}`, body });
      const index = state.appointments.findIndex((a) => a.id === params.id);
      const existing = state.appointments[index];
      if (!existing) return fail(404, 'NOT_FOUND', 'Appointment not found');
      const result = validate(appointmentPatchSchema, body);
      if (!result.success)
        return fail(422, 'VALIDATION_ERROR', 'The request body is invalid', result.issues);
      const patch = result.data;
      const moving = patch.slotId !== undefined && patch.slotId !== existing.slotId;
      if (moving && patch.slotId && !slotFree(patch.slotId)) {
        return fail(409, 'CONFLICT', 'The slot is no longer free');
      }
      if (moving || patch.status === 'cancelled') setSlot(existing.slotId, 'free');
      if (moving) setSlot(patch.slotId, 'busy');
      const record: Appointment = { ...existing, ...patch, updatedAt: new Date().toISOString() };
      state.appointments[index] = record;
      return ok(record);
    }),
    http.all(`${base}/*`, () => fail(404, 'NOT_FOUND', 'No such endpoint')),
  ];

  const api: SchedulingApi = {
    state,
    handlers,
    log,
    writes,
    takeSlot: (slotId) => setSlot(slotId, 'busy'),
    failNext: (times, status) => {
      failures = { times, status };
    },
    hold: gate.hold,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      return (await getResponse(handlers, request)) ?? fail(404, 'NOT_FOUND', 'No such endpoint');
    },
  };
  return api;
}
