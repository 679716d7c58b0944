import type { ResourceAdapter } from '../engine/adapter.js';
import {
  BULK_LIMITS,
  type ErrorStatus,
  errorResponses,
  rateLimitHeaders,
  ref,
} from './components.js';
import { componentName, type JsonSchema, resourceSchemas } from './schemas.js';

type Operation = Record<string, unknown>;
type PathItem = Record<string, Operation | unknown>;

const JSON_TYPE = 'application/json';
const FHIR_JSON = 'application/fhir+json';
/** Errors any authenticated route can answer. */
const ALWAYS: readonly ErrorStatus[] = [400, 401, 429, 500];
const WRITE: readonly ErrorStatus[] = [...ALWAYS, 403, 413, 422];

/** Schemas of search parameter values the contract types; anything else is a string. */
const SEARCH_VALUE: Readonly<Record<string, JsonSchema>> = {
  active: { type: 'boolean' },
  sort: { enum: ['date', '-date'], description: 'By the main date, ascending or descending.' },
  dateFrom: {
    type: 'string',
    description: 'Inclusive lower bound on the main date (ISO date or date-time).',
  },
  dateTo: {
    type: 'string',
    description: 'Inclusive upper bound on the main date (ISO date or date-time).',
  },
  gender: { enum: ['male', 'female', 'other', 'unknown'] },
  name: {
    type: 'string',
    description:
      'Partial match from the start of any name word, case- and accent-insensitive (the sandbox README states the folding).',
  },
};

const envelope = (data: unknown): JsonSchema => ({
  type: 'object',
  required: ['data', 'meta'],
  properties: { data, meta: ref('schemas', 'ResponseMeta') },
  additionalProperties: false,
});

const jsonContent = (schema: unknown, type = JSON_TYPE) => ({ content: { [type]: { schema } } });

const ok = (description: string, schema: unknown, headers: Record<string, unknown> = {}) => ({
  description,
  headers: { ...rateLimitHeaders(), ...headers },
  ...jsonContent(schema),
});

const ETAG = { ETag: ref('headers', 'ETag') };

/** `/v1/{path}` and `/v1/{path}/{id}` of one resource. */
export function resourcePaths(adapter: ResourceAdapter): {
  schemas: Record<string, JsonSchema>;
  paths: Record<string, PathItem>;
} {
  const { path, event, fhirType, searchParams, itemMethods } = adapter.definition;
  const name = componentName(event);
  const { create, patch, record } = resourceSchemas(adapter);
  const recordRef = ref('schemas', name);
  const conflict: readonly ErrorStatus[] = path === 'appointments' || path === 'slots' ? [409] : [];
  const tags = [path];

  const collection: PathItem = {
    get: {
      operationId: `search_${path}`,
      summary: `Search ${path}`,
      description: `Stored as FHIR ${fhirType}. Results of the key's organization only, newest pages by keyset cursor.`,
      tags,
      parameters: [
        ...searchParams.map((param) => ({
          name: param,
          in: 'query',
          schema: SEARCH_VALUE[param] ?? { type: 'string' },
        })),
        ref('parameters', 'Count'),
        ref('parameters', 'Cursor'),
      ],
      responses: {
        200: ok(
          'One page of matches.',
          envelope({
            type: 'object',
            required: ['data', 'total', 'cursor', 'hasMore'],
            properties: {
              data: { type: 'array', items: recordRef },
              total: { type: 'integer', minimum: 0, description: 'Matches across all pages.' },
              cursor: {
                type: ['string', 'null'],
                description: 'Cursor of the next page; `null` on the last page.',
              },
              hasMore: { type: 'boolean' },
            },
            additionalProperties: false,
          }),
        ),
        ...errorResponses([...ALWAYS, 403]),
      },
    },
    post: {
      operationId: `create_${path}`,
      summary: `Create a ${event.replace(/-/g, ' ')}`,
      tags,
      requestBody: { required: true, ...jsonContent(ref('schemas', `${name}Create`)) },
      responses: {
        201: ok('Created.', envelope(recordRef), ETAG),
        ...errorResponses([...WRITE, ...conflict]),
      },
    },
  };

  const item: PathItem = { parameters: [ref('parameters', 'Id')] };
  if (itemMethods.includes('GET')) {
    item.get = {
      operationId: `read_${path}`,
      summary: `Read a ${event.replace(/-/g, ' ')}`,
      tags,
      responses: {
        200: ok('The record.', envelope(recordRef), ETAG),
        ...errorResponses([...ALWAYS, 403, 404]),
      },
    };
  }
  if (itemMethods.includes('PATCH')) {
    item.patch = {
      operationId: `update_${path}`,
      summary: `Update a ${event.replace(/-/g, ' ')} (partial)`,
      description:
        'Any subset of the create fields; accepted as application/json, application/merge-patch+json or application/json-patch+json with an object body.',
      tags,
      parameters: [ref('parameters', 'IfMatch')],
      requestBody: {
        required: true,
        content: {
          [JSON_TYPE]: { schema: ref('schemas', `${name}Patch`) },
          'application/merge-patch+json': { schema: ref('schemas', `${name}Patch`) },
        },
      },
      responses: {
        200: ok('Updated.', envelope(recordRef), ETAG),
        ...errorResponses([...WRITE, 404, 412, ...conflict]),
      },
    };
  }
  if (itemMethods.includes('DELETE')) {
    item.delete = {
      operationId: `delete_${path}`,
      summary: `Delete a ${event.replace(/-/g, ' ')}`,
      tags,
      parameters: [ref('parameters', 'IfMatch')],
      responses: {
        204: { description: 'Deleted; no body.', headers: rateLimitHeaders() },
        ...errorResponses([...ALWAYS, 403, 404, 412]),
      },
    };
  }

  return {
    schemas: { [name]: record, [`${name}Create`]: create, [`${name}Patch`]: patch },
    paths: { [`/v1/${path}`]: collection, [`/v1/${path}/{id}`]: item },
  };
}

/** `/v1/bulk/...`: import, export, job status and the export's download. */
export function bulkPaths(): Record<string, PathItem> {
  const tags = ['bulk'];
  const accepted = ok('Queued.', envelope(ref('schemas', 'BulkAccepted')));
  const jobId = {
    name: 'jobId',
    in: 'path',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9\\-_.]{1,128}$' },
  };
  return {
    '/v1/bulk/import': {
      post: {
        operationId: 'bulk_import',
        summary: 'Start a bulk import',
        description: BULK_LIMITS,
        tags,
        requestBody: { required: true, ...jsonContent(ref('schemas', 'BulkImportRequest')) },
        responses: { 202: accepted, ...errorResponses(WRITE) },
      },
    },
    '/v1/bulk/export': {
      post: {
        operationId: 'bulk_export',
        summary: 'Start a bulk export of the organization',
        description: `${BULK_LIMITS} The output is every matching record of the key's organization and environment, as raw FHIR R4 NDJSON.`,
        tags,
        requestBody: { required: true, ...jsonContent(ref('schemas', 'BulkExportRequest')) },
        responses: { 202: accepted, ...errorResponses(WRITE) },
      },
    },
    '/v1/bulk/jobs/{jobId}': {
      parameters: [jobId],
      get: {
        operationId: 'bulk_job',
        summary: 'Read a bulk job',
        tags,
        responses: {
          200: ok('The job.', envelope(ref('schemas', 'BulkJob'))),
          ...errorResponses([...ALWAYS, 403, 404]),
        },
      },
    },
    '/v1/bulk/jobs/{jobId}/download': {
      parameters: [jobId],
      get: {
        operationId: 'bulk_download',
        summary: 'Download the output of a completed export',
        description: 'One FHIR R4 resource per line. 404 until the export has completed.',
        tags,
        responses: {
          200: {
            description: 'NDJSON, no envelope.',
            headers: rateLimitHeaders(),
            content: { 'application/fhir+ndjson': { schema: { type: 'string' } } },
          },
          ...errorResponses([...ALWAYS, 403, 404]),
        },
      },
    },
  };
}

/** `/v1/fhir/{type}[/{id}]`: raw FHIR R4 in and out for every registered type. */
export function fhirPaths(adapters: readonly ResourceAdapter[]): Record<string, PathItem> {
  const tags = ['fhir'];
  const type = {
    name: 'type',
    in: 'path',
    required: true,
    schema: { enum: adapters.map((a) => a.definition.fhirType) },
  };
  const immutable = adapters
    .filter((a) => !a.definition.itemMethods.includes('PATCH'))
    .map((a) => a.definition.fhirType);
  const fhir = (description: string, status = 200) => ({
    [status]: {
      description,
      headers: { ...rateLimitHeaders(), ...ETAG },
      ...jsonContent(ref('schemas', 'FhirResource'), FHIR_JSON),
    },
  });
  const resourceBody = {
    required: true,
    content: {
      [FHIR_JSON]: { schema: ref('schemas', 'FhirResource') },
      [JSON_TYPE]: { schema: ref('schemas', 'FhirResource') },
    },
  };
  const immutableNote = `${immutable.join(' and ')} take no PUT or PATCH (405).`;
  return {
    '/v1/fhir/{type}': {
      parameters: [type],
      get: {
        operationId: 'fhir_search',
        summary: 'FHIR search',
        description:
          "Known parameters: `_count`, `cursor`, `_format`, `_pretty`, `name`, and `family`/`given` on Patient and Practitioner (`:contains`, `:exact`), plus the resource's simplified search parameters. Unknown parameters are ignored and reported in an OperationOutcome entry; with `Prefer: handling=strict` they answer 400.",
        tags,
        parameters: [
          { name: '_count', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
          {
            name: 'Prefer',
            in: 'header',
            schema: { enum: ['handling=strict', 'handling=lenient'] },
          },
        ],
        responses: {
          200: {
            description: 'A searchset Bundle.',
            headers: rateLimitHeaders(),
            ...jsonContent(ref('schemas', 'FhirBundle'), FHIR_JSON),
          },
          ...errorResponses([...ALWAYS, 403]),
        },
      },
      post: {
        operationId: 'fhir_create',
        summary: 'FHIR create',
        description: 'The tenant tag is added to `meta.tag`.',
        tags,
        requestBody: resourceBody,
        responses: {
          ...fhir('Created.', 201),
          ...errorResponses(WRITE),
        },
      },
    },
    '/v1/fhir/{type}/{id}': {
      parameters: [type, ref('parameters', 'Id')],
      get: {
        operationId: 'fhir_read',
        summary: 'FHIR read',
        tags,
        responses: { ...fhir('The resource.'), ...errorResponses([...ALWAYS, 403, 404]) },
      },
      put: {
        operationId: 'fhir_update',
        summary: 'FHIR update (or create with this id)',
        description: immutableNote,
        tags,
        parameters: [ref('parameters', 'IfMatch')],
        requestBody: resourceBody,
        responses: {
          ...fhir('Updated.'),
          ...fhir('Created with this id.', 201),
          ...errorResponses([...WRITE, 412]),
        },
      },
      patch: {
        operationId: 'fhir_patch',
        summary: 'FHIR patch (RFC 6902)',
        description: immutableNote,
        tags,
        parameters: [ref('parameters', 'IfMatch')],
        requestBody: {
          required: true,
          content: {
            'application/json-patch+json': { schema: ref('schemas', 'JsonPatch') },
            [JSON_TYPE]: { schema: ref('schemas', 'JsonPatch') },
          },
        },
        responses: { ...fhir('Patched.'), ...errorResponses([...WRITE, 404, 412]) },
      },
      delete: {
        operationId: 'fhir_delete',
        summary: 'FHIR delete',
        tags,
        parameters: [ref('parameters', 'IfMatch')],
        responses: {
          204: { description: 'Deleted; no body.', headers: rateLimitHeaders() },
          ...errorResponses([...ALWAYS, 403, 404, 412]),
        },
      },
    },
  };
}

/** Routes without a key: `/health`, `/v1/metadata`, `/openapi.json`. */
export function publicPaths(): Record<string, PathItem> {
  return {
    '/health': {
      get: {
        operationId: 'health',
        summary: 'Liveness',
        security: [],
        tags: ['server'],
        responses: { 200: { description: 'Up.', ...jsonContent(ref('schemas', 'Health')) } },
      },
    },
    '/v1/metadata': {
      get: {
        operationId: 'metadata',
        summary: 'FHIR R4 CapabilityStatement',
        security: [],
        tags: ['server'],
        responses: {
          200: {
            description: 'What the FHIR passthrough supports.',
            ...jsonContent(ref('schemas', 'FhirResource'), FHIR_JSON),
          },
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        security: [],
        tags: ['server'],
        responses: {
          200: {
            description: 'OpenAPI 3.1.',
            ...jsonContent({ type: 'object', required: ['openapi'] }),
          },
        },
      },
    },
  };
}
