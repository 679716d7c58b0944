import { getResourceSchemas, validate } from '@clinikapi/core';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ClinikProvider } from '../provider/ClinikProvider.js';
import {
  errorResponse as fail,
  envelopeResponse as ok,
  pageOf,
  responseGate,
} from './contractResponses.js';

type Row = Record<string, unknown> & { id: string; updatedAt: string };
/** Records per resource path, e.g. `{ prescriptions: [...], allergies: [...] }`. */
export type ChartSeed = Record<string, readonly { id: string; updatedAt: string }[]>;

/** The main date each fake resource sorts by (`sort=date` / `-date`), as the sandbox's adapters. */
const MAIN_DATE: Record<string, string> = {
  prescriptions: 'authoredOn',
  immunizations: 'occurrenceDateTime',
  allergies: 'recordedDate',
  conditions: 'onsetDateTime',
  observations: 'effectiveDateTime',
};

/** A request as a failure rule sees it: method, path (`/api/clinik/v1/...`) and body text. */
export interface ChartRequest {
  method: string;
  path: string;
  body: string;
}

/**
 * An in-memory chart of the data API for stories and the few tests that need states the sandbox
 * cannot produce on demand: any registered resource path, searched by `patientId` and `status`,
 * sorted by its main date, read by id, created and patched with core's schemas (422 issues as
 * the API words them), in the contract's envelopes. Like the patients fake it sends no ETag, so
 * forms take the `updatedAt` path of the concurrency rules.
 */
export interface ChartFake {
  records: Record<string, Row[]>;
  fetch: typeof fetch;
  /** Writes that reached the records (method, path, parsed body), in order: test data only. */
  writes: { method: string; path: string; body: unknown }[];
  /** The next `times` requests answer `status` with a contract error body. */
  failNext(times: number, status: number): void;
  /** The next write (POST, PATCH, DELETE) answers `status`. */
  failNextWrite(status: number): void;
  /** The next `times` requests that `match` answer `status`. `times` defaults to 1. */
  failWhen(match: (request: ChartRequest) => boolean, status: number, times?: number): void;
  /** Holds responses until released (loading states). */
  hold(): { release: () => void };
  /** After the first read of `path/id`, someone else changes it (a conflict on save). */
  changeAfterFirstRead(path: string, id: string, fields: Record<string, unknown>): void;
}

export function createChartFake(seed: ChartSeed): ChartFake {
  const records: Record<string, Row[]> = Object.fromEntries(
    Object.entries(seed).map(([path, rows]) => [path, rows.map((r) => ({ ...r }) as Row)]),
  );
  const writes: ChartFake['writes'] = [];
  const gate = responseGate();
  const failures: { match: (request: ChartRequest) => boolean; status: number; times: number }[] =
    [];
  const afterRead: { path: string; id: string; fields: Record<string, unknown>; done: boolean }[] =
    [];
  let nextId = 1;
  const now = () => new Date().toISOString();

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = /\/v1\/([a-z-]+)(?:\/([^/]+))?$/.exec(url.pathname);
    const path = match?.[1];
    const schemas = path ? getResourceSchemas(path) : undefined;
    if (!path || !schemas) return fail(404, 'NOT_FOUND', 'No such endpoint');
    records[path] ??= [];
    const rows = records[path];
    const id = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    if (!id && request.method === 'GET') {
      const q = url.searchParams;
      const field = MAIN_DATE[path];
      const sort = q.get('sort');
      const found = rows
        .filter(
          (r) =>
            (!q.get('patientId') || r.patientId === q.get('patientId')) &&
            (!q.get('status') ||
              r.status === q.get('status') ||
              r.clinicalStatus === q.get('status')),
        )
        .sort((a, b) =>
          field && sort
            ? (sort === '-date' ? -1 : 1) *
              (Date.parse(String(a[field] ?? '')) - Date.parse(String(b[field] ?? '')) || 0)
            : 0,
        );
      return ok(pageOf(found, q));
    }
    if (!id && request.method === 'POST') {
      const result = validate(schemas.create, await request.json());
      if (!result.success) {
        return fail(422, 'VALIDATION_ERROR', 'The request body is invalid', result.issues);
      }
      const at = now();
      const row = {
        ...(result.data as object),
        id: `${path}-new-${nextId++}`,
        createdAt: at,
        updatedAt: at,
      } as Row;
      rows.unshift(row);
      return ok(row, 201);
    }
    const index = rows.findIndex((r) => r.id === id);
    const existing = rows[index];
    if (!existing) return fail(404, 'NOT_FOUND', 'Not found');
    if (request.method === 'GET') {
      const response = ok(existing);
      for (const change of afterRead) {
        if (!change.done && change.path === path && change.id === id) {
          change.done = true;
          rows[index] = { ...existing, ...change.fields, updatedAt: now() };
        }
      }
      return response;
    }
    if (request.method === 'PATCH') {
      const result = validate(schemas.patch, await request.json());
      if (!result.success) {
        return fail(422, 'VALIDATION_ERROR', 'The request body is invalid', result.issues);
      }
      const row = { ...existing, ...(result.data as object), updatedAt: now() } as Row;
      rows[index] = row;
      return ok(row);
    }
    return fail(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
  }

  const failWhen: ChartFake['failWhen'] = (match, status, times = 1) => {
    failures.push({ match, status, times });
  };

  return {
    records,
    writes,
    failNext(times, status) {
      failWhen(() => true, status, times);
    },
    failNextWrite(status) {
      failWhen((request) => request.method !== 'GET', status);
    },
    failWhen,
    hold: gate.hold,
    changeAfterFirstRead(path, id, fields) {
      afterRead.push({ path, id, fields, done: false });
    },
    async fetch(input, init) {
      const request = new Request(new URL(String(input), globalThis.location.origin), init);
      const { pathname } = new URL(request.url);
      const body = request.method === 'GET' ? '' : await request.clone().text();
      await gate.passed();
      const failure = failures.find(
        (f) => f.times > 0 && f.match({ method: request.method, path: pathname, body }),
      );
      if (failure) {
        failure.times -= 1;
        const code = failure.status === 422 ? 'VALIDATION_ERROR' : 'INTERNAL_ERROR';
        return fail(failure.status, code, 'Simulated failure');
      }
      if (request.method !== 'GET') {
        writes.push({
          method: request.method,
          path: pathname,
          body: body ? JSON.parse(body) : undefined,
        });
      }
      return route(request);
    },
  };
}

/** A fixed "now" for stories: 2026-06-15 12:00 UTC. */
export const CHART_NOW = new Date('2026-06-15T12:00:00Z');

export interface ChartStoryOptions {
  seed: () => ChartSeed;
  setup?: (api: ChartFake) => void;
  theme?: 'light' | 'dark';
  /** Frame width in px, e.g. 360 for a phone. Defaults to full width. */
  width?: number;
  /** The practice's zone. Defaults to America/New_York. */
  timeZone?: string;
  /** Defaults to en-US. */
  locale?: string;
  /** The story's fixed clock. Defaults to `CHART_NOW`. */
  now?: Date;
}

/** Runs a story against `createChartFake`: the provider's `fetch` answers from it. */
export function ChartStory({
  options,
  children,
}: {
  options: ChartStoryOptions;
  children: ReactNode;
}) {
  const [state] = useState(() => {
    const api = createChartFake(options.seed());
    options.setup?.(api);
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
    });
    return { api, queryClient };
  });
  return (
    <ClinikProvider
      baseUrl="/api/clinik"
      queryClient={state.queryClient}
      clientOptions={{ fetch: state.api.fetch, retries: 0 }}
      timeZone={options.timeZone ?? 'America/New_York'}
      locale={options.locale ?? 'en-US'}
      now={() => options.now ?? CHART_NOW}
    >
      <div
        data-ck-theme={options.theme ?? 'light'}
        style={{
          maxWidth: options.width,
          padding: 16,
          background: 'var(--ck-color-bg)',
          color: 'var(--ck-color-text)',
        }}
      >
        {children}
      </div>
    </ClinikProvider>
  );
}

/** A Storybook decorator: `decorators: [withChart({ seed })]`. */
export const withChart = (options: ChartStoryOptions) =>
  function chartDecorator(Story: () => ReactNode) {
    return (
      <ChartStory options={options}>
        <Story />
      </ChartStory>
    );
  };
