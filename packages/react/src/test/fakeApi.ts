import {
  type ApiIssue,
  type ListPage,
  type Patient,
  patientCreateSchema,
  patientPatchSchema,
  validate,
} from '@clinikapi/core';
import { envelopeResponse, errorResponse, pageOf, responseGate } from './contractResponses.js';

/**
 * An in-memory stand-in for the patients endpoints of the data API, speaking the contract's
 * envelopes, cursors and error bodies. Tests serve it over real HTTP on 127.0.0.1; stories call it
 * as their `fetch`. It handles `Request -> Response`, so both share one implementation.
 */
export interface FakeClinikApi {
  handle(request: Request): Promise<Response>;
  patients: Patient[];
  /** Requests seen, as `METHOD /path?query` (no bodies: they may hold patient data). */
  log: string[];
  /** The next n matching requests answer with this status and error body instead. */
  failNext(
    times: number,
    status: number,
    body?: { error: string; message: string; issues?: ApiIssue[] },
  ): void;
  /** Holds responses until `release()` is called (for loading states). */
  hold(): { release: () => void };
}

export function createFakeClinikApi(seed: Patient[] = []): FakeClinikApi {
  const patients = [...seed];
  const log: string[] = [];
  let failures:
    | {
        times: number;
        status: number;
        body: { error: string; message: string; issues?: ApiIssue[] };
      }
    | undefined;
  const gate = responseGate();
  let nextId = 1;

  function search(url: URL): ListPage<Patient> {
    const name = url.searchParams.get('name')?.toLowerCase();
    const matches = name
      ? patients.filter(
          (p) =>
            p.firstName.toLowerCase().includes(name) || p.lastName.toLowerCase().includes(name),
        )
      : patients;
    return pageOf(matches, url.searchParams);
  }

  function invalid(issues: ApiIssue[]) {
    return errorResponse(422, 'VALIDATION_ERROR', 'The request body is invalid', issues);
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = /\/v1\/patients(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return errorResponse(404, 'NOT_FOUND', 'No such endpoint');
    const id = match[1] ? decodeURIComponent(match[1]) : undefined;
    const index = id ? patients.findIndex((p) => p.id === id) : -1;
    const notFound = () => errorResponse(404, 'NOT_FOUND', 'Patient not found');

    if (!id && request.method === 'GET') return envelopeResponse(search(url));
    if (!id && request.method === 'POST') {
      const result = validate(patientCreateSchema, await request.json());
      if (!result.success) return invalid(result.issues);
      const now = new Date().toISOString();
      const record: Patient = {
        ...result.data,
        id: `pat-new-${nextId++}`,
        fullName: `${result.data.firstName} ${result.data.lastName}`,
        active: result.data.active ?? true,
        createdAt: now,
        updatedAt: now,
      };
      patients.unshift(record);
      return envelopeResponse(record, 201);
    }
    if (id && index < 0) return notFound();
    const existing = patients[index];
    if (!existing) return notFound();
    if (request.method === 'GET') return envelopeResponse(existing);
    if (request.method === 'PATCH') {
      const result = validate(patientPatchSchema, await request.json());
      if (!result.success) return invalid(result.issues);
      const merged = { ...existing, ...result.data, updatedAt: new Date().toISOString() };
      const record: Patient = { ...merged, fullName: `${merged.firstName} ${merged.lastName}` };
      patients[index] = record;
      return envelopeResponse(record);
    }
    if (request.method === 'DELETE') {
      patients.splice(index, 1);
      return new Response(null, { status: 204 });
    }
    return errorResponse(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
  }

  return {
    patients,
    log,
    failNext(times, status, body) {
      failures = {
        times,
        status,
        body: {
          error: body?.error ?? 'INTERNAL_ERROR',
          message: body?.message ?? 'Internal error',
          issues: body?.issues,
        },
      };
    },
    hold: gate.hold,
    async handle(request) {
      const url = new URL(request.url);
      log.push(`${request.method} ${url.pathname}${url.search}`);
      await gate.passed();
      if (failures && failures.times > 0) {
        failures.times -= 1;
        const { error, message, issues } = failures.body;
        return errorResponse(failures.status, error, message, issues);
      }
      return route(request);
    },
  };
}
