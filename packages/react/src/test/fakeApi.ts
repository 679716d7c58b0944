import {
  type ApiIssue,
  type Envelope,
  errorBody,
  type ListPage,
  type Patient,
  patientCreateSchema,
  patientPatchSchema,
  validate,
} from '@clinikapi/core';

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

let requestCounter = 0;
const nextRequestId = () => {
  requestCounter += 1;
  return `req_fake${requestCounter}`;
};

function envelope<T>(status: number, data: T): Envelope<T> {
  return {
    data,
    meta: { requestId: nextRequestId(), timestamp: new Date().toISOString(), status },
  };
}

/** A contract error body; like the real API, every one carries a request id. */
function apiError(status: number, error: string, message: string, issues?: ApiIssue[]) {
  return errorBody(status, error, message, { requestId: nextRequestId(), issues });
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const encodeCursor = (offset: number) => btoa(`o:${offset}`);
function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  try {
    const match = /^o:(\d+)$/.exec(atob(cursor));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the contract: an invalid cursor restarts from the beginning
  }
}

function pageSize(raw: string | null): number {
  const n = Number(raw);
  if (!raw || !Number.isFinite(n) || n <= 0) return 20;
  return Math.min(Math.floor(n), 100);
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
  let gate: Promise<void> | undefined;
  let nextId = 1;

  function search(url: URL): ListPage<Patient> {
    const name = url.searchParams.get('name')?.toLowerCase();
    const matches = name
      ? patients.filter(
          (p) =>
            p.firstName.toLowerCase().includes(name) || p.lastName.toLowerCase().includes(name),
        )
      : patients;
    const offset = decodeCursor(url.searchParams.get('cursor'));
    const count = pageSize(url.searchParams.get('count'));
    const data = matches.slice(offset, offset + count);
    const hasMore = offset + count < matches.length;
    return {
      data,
      total: matches.length,
      cursor: hasMore ? encodeCursor(offset + count) : null,
      hasMore,
    };
  }

  function invalid(issues: ApiIssue[]) {
    return json(422, apiError(422, 'VALIDATION_ERROR', 'The request body is invalid', issues));
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = /\/v1\/patients(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return json(404, apiError(404, 'NOT_FOUND', 'No such endpoint'));
    const id = match[1] ? decodeURIComponent(match[1]) : undefined;
    const index = id ? patients.findIndex((p) => p.id === id) : -1;
    const notFound = () => json(404, apiError(404, 'NOT_FOUND', 'Patient not found'));

    if (!id && request.method === 'GET') return json(200, envelope(200, search(url)));
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
      return json(201, envelope(201, record));
    }
    if (id && index < 0) return notFound();
    const existing = patients[index];
    if (!existing) return notFound();
    if (request.method === 'GET') return json(200, envelope(200, existing));
    if (request.method === 'PATCH') {
      const result = validate(patientPatchSchema, await request.json());
      if (!result.success) return invalid(result.issues);
      const merged = { ...existing, ...result.data, updatedAt: new Date().toISOString() };
      const record: Patient = { ...merged, fullName: `${merged.firstName} ${merged.lastName}` };
      patients[index] = record;
      return json(200, envelope(200, record));
    }
    if (request.method === 'DELETE') {
      patients.splice(index, 1);
      return new Response(null, { status: 204 });
    }
    return json(405, apiError(405, 'METHOD_NOT_ALLOWED', 'Method not allowed'));
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
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined;
          resolve();
        };
      });
      return { release };
    },
    async handle(request) {
      const url = new URL(request.url);
      log.push(`${request.method} ${url.pathname}${url.search}`);
      if (gate) await gate;
      if (failures && failures.times > 0) {
        failures.times -= 1;
        const { error, message, issues } = failures.body;
        return json(failures.status, apiError(failures.status, error, message, issues));
      }
      return route(request);
    },
  };
}
