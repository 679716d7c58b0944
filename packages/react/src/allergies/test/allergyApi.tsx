import {
  type Allergy,
  allergyCreateSchema,
  allergyPatchSchema,
  NO_KNOWN_ALLERGY,
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
 * An in-memory allergies endpoint for stories, speaking the contract's envelopes, cursors,
 * validation (core's schemas, as the sandbox) and error bodies. Sends no ETag, so forms use the
 * `updatedAt` check, as against an API without ETags.
 */
export interface AllergyApi {
  records: Allergy[];
  fetch: typeof fetch;
  /** The next `times` requests answer `status`. */
  failNext(times: number, status: number): void;
  /** The next write (POST, PATCH) answers `status`. */
  failNextWrite(status: number): void;
  /** Holds responses until released (loading states). */
  hold(): { release: () => void };
  /** After the first read of `id`, a colleague changes it (conflict stories). */
  changeAfterFirstRead(id: string, fields: Partial<Allergy>): void;
}

let nextId = 1;

export function createAllergyApi(seed: Allergy[] = []): AllergyApi {
  const records = [...seed];
  const gate = responseGate();
  let failures = { times: 0, status: 500 };
  let writeFailure: number | undefined;
  const afterRead = new Map<string, Partial<Allergy>>();

  const stored = (record: Allergy): Allergy => {
    const copy = { ...record };
    if (copy.verificationStatus === 'entered-in-error') delete copy.clinicalStatus;
    return copy;
  };

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const match = /\/v1\/allergies(?:\/([^/]+))?$/.exec(url.pathname);
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
      const checked = validate(allergyCreateSchema, await request.json());
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
        id: `alg-new-${nextId++}`,
        createdAt: now,
        updatedAt: now,
      });
      records.push(record);
      return envelopeResponse(record, 201);
    }
    const current = records[index];
    if (!current) return errorResponse(404, 'NOT_FOUND', 'Allergy not found');
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
      const patch = validate(allergyPatchSchema, await request.json());
      if (!patch.success) {
        return errorResponse(422, 'VALIDATION_ERROR', 'The request body is invalid', patch.issues);
      }
      const { id: _id, createdAt, updatedAt: _u, ...rest } = current;
      const merged = validate(allergyCreateSchema, { ...rest, ...patch.data });
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

  const api: AllergyApi = {
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
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const at = '2026-06-01T10:00:00.000Z';

/** A story patient's allergies: penicillin (high, anaphylaxis), peanut, and a resolved one. */
export function sampleAllergies(patientId = 'pat-story'): Allergy[] {
  return [
    {
      id: 'alg-1',
      patientId,
      code: { system: RXNORM, code: '7980', display: 'Penicillin G' },
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
      type: 'allergy',
      category: ['medication'],
      criticality: 'high',
      onsetDateTime: '2019-05',
      recordedDate: at,
      reactions: [
        {
          manifestation: 'Anaphylaxis',
          manifestationCoding: { system: SNOMED, code: '39579001', display: 'Anaphylaxis' },
          severity: 'severe',
        },
      ],
      createdAt: at,
      updatedAt: at,
    },
    {
      id: 'alg-2',
      patientId,
      code: { system: SNOMED, code: '762952008', display: 'Peanut' },
      clinicalStatus: 'active',
      verificationStatus: 'unconfirmed',
      type: 'allergy',
      category: ['food'],
      criticality: 'low',
      onsetDateTime: '2004',
      reactions: [
        {
          manifestation: 'Hives',
          manifestationCoding: { system: SNOMED, code: '126485001', display: 'Urticaria' },
          severity: 'moderate',
        },
      ],
      createdAt: at,
      updatedAt: at,
    },
    {
      id: 'alg-3',
      patientId,
      code: 'Cat hair',
      clinicalStatus: 'resolved',
      verificationStatus: 'confirmed',
      category: ['environment'],
      createdAt: at,
      updatedAt: at,
    },
  ];
}

/** The "no known allergies" statement of a story patient. */
export function noKnownAllergyStatement(patientId = 'pat-story'): Allergy {
  return {
    id: 'alg-nka',
    patientId,
    code: { ...NO_KNOWN_ALLERGY },
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    recordedDate: '2026-03-02T15:00:00.000Z',
    createdAt: at,
    updatedAt: at,
  };
}

export interface AllergyStoryOptions {
  records?: Allergy[];
  setup?: (api: AllergyApi) => void;
  theme?: 'light' | 'dark';
  width?: number;
}

/** Runs its children against `createAllergyApi`, inside a provider with a fixed clock. */
export function AllergyStory({
  options,
  children,
}: {
  options: AllergyStoryOptions;
  children: ReactNode;
}) {
  const [state] = useState(() => {
    const api = createAllergyApi(options.records ?? []);
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

/** A Storybook decorator: `decorators: [withAllergyApi({ records })]`. */
export const withAllergyApi = (options: AllergyStoryOptions = {}) => {
  const decorate = (Story: () => ReactNode) => (
    <AllergyStory options={options}>
      <Story />
    </AllergyStory>
  );
  return decorate;
};
