import {
  type ApiIssue,
  type Observation,
  observationCreateSchema,
  observationPatchSchema,
  type Patient,
  validate,
} from '@clinikapi/core';
import {
  envelopeResponse,
  errorResponse,
  pageOf,
  responseGate,
} from '../../test/contractResponses.js';

/**
 * An in-memory patients-and-observations side of the data API for stories and the few tests
 * that need states the sandbox cannot produce on demand: contract envelopes, cursors, error
 * bodies, 422 from core's schemas, and no ETags (so forms take the `updatedAt` path).
 */
export interface VitalsApi {
  patients: Patient[];
  observations: Observation[];
  /** Writes received (test data only). */
  writes: { method: string; path: string; body: unknown }[];
  fetch: typeof fetch;
  /** The next matching requests fail with `status` (a contract error body). */
  failWhen(
    match: (request: { method: string; path: string; body: string }) => boolean,
    status: number,
    times?: number,
  ): void;
  /** Holds every response until released (loading states). */
  hold(): { release: () => void };
  /** Runs after each response to a read of one observation (e.g. a colleague saving right after). */
  afterRead?: (id: string, api: VitalsApi) => void;
}

export function createVitalsApi(seed: {
  patients: Patient[];
  observations?: Observation[];
}): VitalsApi {
  const gate = responseGate();
  const failures: { match: Parameters<VitalsApi['failWhen']>[0]; status: number; times: number }[] =
    [];
  let nextId = 1;
  const api: VitalsApi = {
    patients: [...seed.patients],
    observations: (seed.observations ?? []).map((o) => ({ ...o })),
    writes: [],
    failWhen(match, status, times = 1) {
      failures.push({ match, status, times });
    },
    hold: gate.hold,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const body = request.method === 'GET' ? '' : await request.text();
      await gate.passed();
      const failure = failures.find(
        (f) => f.times > 0 && f.match({ method: request.method, path: url.pathname, body }),
      );
      if (failure) {
        failure.times -= 1;
        return errorResponse(
          failure.status,
          failure.status === 422 ? 'VALIDATION_ERROR' : 'INTERNAL_ERROR',
          'Failed',
        );
      }
      if (request.method !== 'GET') {
        api.writes.push({
          method: request.method,
          path: url.pathname,
          body: body ? JSON.parse(body) : undefined,
        });
      }
      return route(request.method, url, body);
    },
  };

  const invalid = (issues: ApiIssue[]) =>
    errorResponse(422, 'VALIDATION_ERROR', 'The request body is invalid', issues);

  function route(method: string, url: URL, body: string): Response {
    const patient = /\/v1\/patients\/([^/]+)$/.exec(url.pathname);
    if (patient && method === 'GET') {
      const found = api.patients.find((p) => p.id === decodeURIComponent(patient[1] ?? ''));
      return found ? envelopeResponse(found) : errorResponse(404, 'NOT_FOUND', 'Patient not found');
    }
    const match = /\/v1\/observations(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return errorResponse(404, 'NOT_FOUND', 'No such endpoint');
    const id = match[1] ? decodeURIComponent(match[1]) : undefined;
    if (!id && method === 'GET') {
      const patientId = url.searchParams.get('patientId');
      const sort = url.searchParams.get('sort');
      const rows = api.observations
        .filter((o) => !patientId || o.patientId === patientId)
        .sort((a, b) => {
          const x = Date.parse(a.effectiveDateTime ?? '') || 0;
          const y = Date.parse(b.effectiveDateTime ?? '') || 0;
          return sort === 'date' ? x - y : y - x;
        });
      return envelopeResponse(pageOf(rows, url.searchParams));
    }
    if (!id && method === 'POST') {
      const result = validate(observationCreateSchema, JSON.parse(body));
      if (!result.success) return invalid(result.issues);
      const now = new Date().toISOString();
      const record: Observation = {
        ...result.data,
        id: `obs-new-${nextId++}`,
        createdAt: now,
        updatedAt: now,
      };
      api.observations.unshift(record);
      return envelopeResponse(record, 201);
    }
    const index = api.observations.findIndex((o) => o.id === id);
    const existing = api.observations[index];
    if (!existing) return errorResponse(404, 'NOT_FOUND', 'Observation not found');
    if (method === 'GET') {
      const response = envelopeResponse(existing);
      api.afterRead?.(existing.id, api);
      return response;
    }
    if (method === 'PATCH') {
      const result = validate(observationPatchSchema, JSON.parse(body));
      if (!result.success) return invalid(result.issues);
      const record = {
        ...existing,
        ...result.data,
        updatedAt: new Date().toISOString(),
      } as Observation;
      api.observations[index] = record;
      return envelopeResponse(record);
    }
    return errorResponse(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
  }
  return api;
}
