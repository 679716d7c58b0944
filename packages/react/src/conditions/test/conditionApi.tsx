import {
  type Condition,
  conditionCreateSchema,
  conditionPatchSchema,
  validate,
} from '@clinikapi/core';
import { QueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ClinikProvider } from '../../provider/ClinikProvider.js';
import {
  envelopeResponse,
  errorResponse,
  pageOf,
  responseGate,
} from '../../test/contractResponses.js';

/** A fixed "now" so stories never drift: 2026-06-15 12:00 UTC. */
export const STORY_NOW = new Date('2026-06-15T12:00:00Z');

/**
 * An in-memory conditions endpoint for stories, speaking the contract's envelopes, cursors,
 * validation (core's schemas, as the sandbox) and error bodies. Sends no ETag, so forms use the
 * `updatedAt` check, as against an API without ETags.
 */
export interface ConditionApi {
  records: Condition[];
  fetch: typeof fetch;
  /** The next `times` requests answer `status`. */
  failNext(times: number, status: number): void;
  /** The next write (POST, PATCH) answers `status`. */
  failNextWrite(status: number): void;
  /** Holds responses until released (loading states). */
  hold(): { release: () => void };
  /** After the first read of `id`, a colleague changes it (conflict stories). */
  changeAfterFirstRead(id: string, fields: Partial<Condition>): void;
}

let nextId = 1;

export function createConditionApi(seed: Condition[] = []): ConditionApi {
  const records = [...seed];
  const gate = responseGate();
  let failures = { times: 0, status: 500 };
  let writeFailure: number | undefined;
  const afterRead = new Map<string, Partial<Condition>>();

  const stored = (record: Condition): Condition => {
    const copy = { ...record };
    if (copy.verificationStatus === 'entered-in-error') {
      delete copy.clinicalStatus;
      delete copy.abatementDateTime;
    }
    return copy;
  };

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = /\/v1\/conditions(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return errorResponse(404, 'NOT_FOUND', 'No such endpoint');
    const id = match[1] ? decodeURIComponent(match[1]) : undefined;
    const index = id ? records.findIndex((r) => r.id === id) : -1;
    if (!id && request.method === 'GET') {
      const patientId = url.searchParams.get('patientId');
      const status = url.searchParams.get('status');
      const rows = records.filter(
        (r) =>
          (!patientId || r.patientId === patientId) && (!status || r.clinicalStatus === status),
      );
      return envelopeResponse(pageOf(rows, url.searchParams));
    }
    if (!id && request.method === 'POST') {
      const checked = validate(conditionCreateSchema, await request.json());
      if (!checked.success) {
        return errorResponse(
          422,
          'VALIDATION_ERROR',
          'The request body is invalid',
          checked.issues,
        );
      }
      const now = new Date().toISOString();
      const record = stored({
        ...checked.data,
        id: `cnd-new-${nextId++}`,
        createdAt: now,
        updatedAt: now,
      });
      records.push(record);
      return envelopeResponse(record, 201);
    }
    const current = records[index];
    if (!current) return errorResponse(404, 'NOT_FOUND', 'Condition not found');
    if (request.method === 'GET') {
      const response = envelopeResponse(current);
      const change = afterRead.get(current.id);
      if (change) {
        afterRead.delete(current.id);
        records[index] = {
          ...current,
          ...change,
          updatedAt: new Date(Date.now() + 1000).toISOString(),
        };
      }
      return response;
    }
    if (request.method === 'PATCH') {
      const patch = validate(conditionPatchSchema, await request.json());
      if (!patch.success) {
        return errorResponse(422, 'VALIDATION_ERROR', 'The request body is invalid', patch.issues);
      }
      const { id: _id, createdAt, updatedAt: _u, ...rest } = current;
      const merged = validate(conditionCreateSchema, { ...rest, ...patch.data });
      if (!merged.success) {
        return errorResponse(422, 'VALIDATION_ERROR', 'The request body is invalid', merged.issues);
      }
      const record = stored({
        ...merged.data,
        id: current.id,
        createdAt,
        updatedAt: new Date(Date.now() + 2000).toISOString(),
      });
      records[index] = record;
      return envelopeResponse(record);
    }
    return errorResponse(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
  }

  const api: ConditionApi = {
    records,
    async fetch(input, init) {
      const request = new Request(new URL(String(input), globalThis.location.origin), init);
      await gate.passed();
      if (failures.times > 0) {
        failures = { ...failures, times: failures.times - 1 };
        return errorResponse(failures.status, 'INTERNAL_ERROR', 'Something went wrong');
      }
      if (writeFailure !== undefined && request.method !== 'GET') {
        const status = writeFailure;
        writeFailure = undefined;
        return errorResponse(status, 'INTERNAL_ERROR', 'Something went wrong');
      }
      return route(request);
    },
    failNext(times, status) {
      failures = { times, status };
    },
    failNextWrite(status) {
      writeFailure = status;
    },
    hold: () => gate.hold(),
    changeAfterFirstRead(id, fields) {
      afterRead.set(id, fields);
    },
  };
  return api;
}

const SNOMED = 'http://snomed.info/sct';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const at = '2026-06-01T10:00:00.000Z';

/** A story patient's problem list: two active, one relapse, two resolved or in remission. */
export function sampleProblems(patientId = 'pat-story'): Condition[] {
  const base = {
    patientId,
    verificationStatus: 'confirmed' as const,
    category: 'problem-list-item' as const,
    createdAt: at,
    updatedAt: at,
  };
  return [
    {
      ...base,
      id: 'cnd-1',
      code: { system: ICD10CM, code: 'I10', display: 'Essential (primary) hypertension' },
      clinicalStatus: 'active',
      severity: 'moderate',
      onsetDateTime: '2018-04',
      note: 'home readings 150/95',
    },
    {
      ...base,
      id: 'cnd-2',
      code: { system: SNOMED, code: '44054006', display: 'Diabetes mellitus type 2' },
      clinicalStatus: 'active',
      onsetDateTime: '2020',
    },
    {
      ...base,
      id: 'cnd-3',
      code: { system: SNOMED, code: '35489007', display: 'Depressive disorder' },
      clinicalStatus: 'relapse',
      onsetDateTime: '2012',
    },
    {
      ...base,
      id: 'cnd-4',
      code: { system: SNOMED, code: '271737000', display: 'Anemia' },
      clinicalStatus: 'remission',
      onsetDateTime: '2019',
      abatementDateTime: '2021-06',
    },
    {
      ...base,
      id: 'cnd-5',
      code: 'Ankle sprain, left',
      clinicalStatus: 'resolved',
      onsetDateTime: '2023-03-02',
      abatementDateTime: '2023-04',
    },
  ];
}

export interface ConditionStoryOptions {
  records?: Condition[];
  setup?: (api: ConditionApi) => void;
  theme?: 'light' | 'dark';
  width?: number;
}

/** Runs its children against `createConditionApi`, inside a provider with a fixed clock. */
export function ConditionStory({
  options,
  children,
}: {
  options: ConditionStoryOptions;
  children: ReactNode;
}) {
  const [state] = useState(() => {
    const api = createConditionApi(options.records ?? []);
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
      timeZone="UTC"
      now={() => STORY_NOW}
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

/** A Storybook decorator: `decorators: [withConditionApi({ records })]`. */
export const withConditionApi = (options: ConditionStoryOptions = {}) => {
  const decorate = (Story: () => ReactNode) => (
    <ConditionStory options={options}>
      <Story />
    </ConditionStory>
  );
  return decorate;
};
