import { API_ERROR_CODES } from '@clinikapi/core';
import { BULK_OPERATIONS_PER_HOUR, MAX_BULK_RECORDS } from '../bulk/jobs.js';
import type { JsonSchema } from './schemas.js';

/** `{ $ref: '#/components/<section>/<name>' }`. */
export const ref = (section: string, name: string) => ({
  $ref: `#/components/${section}/${name}`,
});

/** The name of the API key security scheme (`x-api-key` header). */
export const SECURITY_SCHEME = 'ApiKey';

/** Error responses by status: component name, description. */
export const ERROR_RESPONSES = {
  400: ['BadRequest', 'Malformed request: INVALID_JSON, METHOD_OVERRIDE_REJECTED, BAD_REQUEST.'],
  401: [
    'Unauthorized',
    'No usable key: UNAUTHORIZED, INVALID_KEY_FORMAT, INVALID_KEY, KEY_REVOKED, KEY_EXPIRED.',
  ],
  403: ['Forbidden', 'FORBIDDEN: the key scope does not allow the method (`read` keys: GET only).'],
  404: ['NotFound', "NOT_FOUND: no such record, also another organization's record."],
  409: ['Conflict', 'CONFLICT: e.g. the slot of the appointment is not free.'],
  412: [
    'PreconditionFailed',
    'PRECONDITION_FAILED: `If-Match` names an older version; nothing was changed.',
  ],
  413: ['PayloadTooLarge', 'PAYLOAD_TOO_LARGE: the body is over 1 MB.'],
  422: ['ValidationError', 'VALIDATION_ERROR with `issues` (messages never echo values).'],
  429: [
    'RateLimited',
    'RATE_LIMITED (per-minute limit, or bulk operations per hour), MONTHLY_QUOTA_EXCEEDED or SANDBOX_QUOTA_EXCEEDED; see `Retry-After`.',
  ],
  500: ['InternalError', 'INTERNAL_ERROR: no stack, no internals.'],
} as const;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

const RATE_HEADERS = {
  'X-RateLimit-Limit': ref('headers', 'RateLimitLimit'),
  'X-RateLimit-Remaining': ref('headers', 'RateLimitRemaining'),
  'X-RateLimit-Reset': ref('headers', 'RateLimitReset'),
  'X-Request-Id': ref('headers', 'RequestId'),
};

/** Headers of every authenticated response. */
export function rateLimitHeaders(): Record<string, unknown> {
  return { ...RATE_HEADERS };
}

const integer = (description: string) => ({ schema: { type: 'integer' }, description });

const schemas: Record<string, JsonSchema> = {
  ResponseMeta: {
    type: 'object',
    required: ['requestId', 'timestamp', 'status'],
    properties: {
      requestId: { type: 'string', pattern: '^req_', description: 'Quote it when reporting.' },
      timestamp: { type: 'string', format: 'date-time' },
      status: { type: 'integer', description: 'HTTP status of the response.' },
      rateLimitTotal: { type: 'integer', description: 'Requests allowed per 60 s window.' },
      rateLimitRemaining: { type: 'integer', description: 'Requests left in the window.' },
      rateLimitReset: { type: 'integer', description: 'Seconds until the window resets.' },
    },
    additionalProperties: false,
  },
  ApiIssue: {
    type: 'object',
    required: ['severity', 'code', 'diagnostics'],
    properties: {
      severity: { enum: ['error', 'warning', 'information'] },
      code: { type: 'string', description: 'FHIR issue type: required, value, too-long...' },
      diagnostics: { type: 'string', description: 'Names the field and the rule, never a value.' },
    },
    additionalProperties: false,
  },
  ApiError: {
    type: 'object',
    required: ['error', 'message', 'code'],
    properties: {
      error: {
        type: 'string',
        description: `Machine code. The contract's: ${Object.values(API_ERROR_CODES).flat().join(', ')}; also METHOD_NOT_ALLOWED (405) and UNKNOWN_SEARCH_PARAMETER (FHIR strict handling).`,
      },
      message: { type: 'string', description: 'Human text; never echoes submitted values.' },
      code: { type: 'string', pattern: '^[1-5][0-9]{2}$', description: 'HTTP status as text.' },
      requestId: { type: 'string', pattern: '^req_' },
      issues: { type: 'array', items: ref('schemas', 'ApiIssue') },
    },
    additionalProperties: false,
  },
  Health: {
    type: 'object',
    required: ['status', 'timestamp'],
    properties: { status: { const: 'ok' }, timestamp: { type: 'string', format: 'date-time' } },
    additionalProperties: false,
  },
  BulkImportRequest: {
    type: 'object',
    required: ['resourceType', 'data'],
    properties: {
      resourceType: {
        type: 'string',
        description: 'A FHIR type (`Patient`) or a resource path (`patients`).',
      },
      data: {
        type: 'string',
        description: `NDJSON: one simplified create body per line, at most ${MAX_BULK_RECORDS} lines. Invalid lines are skipped and reported in the job's \`errors\`.`,
      },
    },
  },
  BulkExportRequest: {
    type: 'object',
    properties: {
      resourceTypes: {
        type: 'array',
        minItems: 1,
        items: { type: 'string' },
        description: 'FHIR types or resource paths. Defaults to every resource.',
      },
      since: {
        type: 'string',
        format: 'date-time',
        description: 'Only records changed at or after this time.',
      },
    },
  },
  BulkAccepted: {
    type: 'object',
    required: ['jobId', 'status', 'message'],
    properties: {
      jobId: { type: 'string', pattern: '^job_[0-9a-f]+$' },
      status: { const: 'pending' },
      message: { type: 'string' },
    },
    additionalProperties: false,
  },
  BulkJob: {
    type: 'object',
    required: ['id', 'type', 'status', 'totalRecords', 'processedRecords', 'errors'],
    properties: {
      id: { type: 'string', pattern: '^job_[0-9a-f]+$' },
      type: { enum: ['import', 'export'] },
      status: { enum: ['pending', 'processing', 'completed', 'failed'] },
      totalRecords: { type: 'integer', minimum: 0 },
      processedRecords: { type: 'integer', minimum: 0 },
      downloadUrl: {
        type: 'string',
        description:
          'Completed exports only: the path of the NDJSON download on this server, `/v1/bulk/jobs/{jobId}/download`.',
      },
      errors: {
        type: 'array',
        description: 'One entry per skipped import line: its number and why, never its content.',
        items: {
          type: 'object',
          required: ['line', 'issues'],
          properties: {
            line: { type: 'integer', minimum: 1 },
            issues: { type: 'array', items: ref('schemas', 'ApiIssue') },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  },
  FhirResource: {
    type: 'object',
    required: ['resourceType'],
    properties: { resourceType: { type: 'string' }, id: { type: 'string' } },
    description: 'A raw FHIR R4 resource (https://hl7.org/fhir/R4/).',
  },
  FhirBundle: {
    type: 'object',
    required: ['resourceType', 'type', 'entry'],
    properties: {
      resourceType: { const: 'Bundle' },
      type: { const: 'searchset' },
      total: { type: 'integer' },
      link: {
        type: 'array',
        items: {
          type: 'object',
          required: ['relation', 'url'],
          properties: { relation: { type: 'string' }, url: { type: 'string' } },
        },
      },
      entry: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            fullUrl: { type: 'string' },
            resource: ref('schemas', 'FhirResource'),
            search: { type: 'object', properties: { mode: { enum: ['match', 'outcome'] } } },
          },
        },
      },
    },
  },
  JsonPatch: {
    type: 'array',
    description: 'RFC 6902 operations.',
    items: {
      type: 'object',
      required: ['op', 'path'],
      properties: {
        op: { enum: ['add', 'remove', 'replace', 'move', 'copy', 'test'] },
        path: { type: 'string' },
        from: { type: 'string' },
        value: {},
      },
    },
  },
};

/** The document's `components`, without the resource schemas (`paths.ts` adds those). */
export function sharedComponents() {
  const responses: Record<string, unknown> = {};
  for (const [status, [name, description]] of Object.entries(ERROR_RESPONSES)) {
    const headers: Record<string, unknown> =
      status === '401' ? {} : { ...RATE_HEADERS, ...(status === '429' && retryAfter()) };
    responses[name] = {
      description,
      headers,
      content: { 'application/json': { schema: ref('schemas', 'ApiError') } },
    };
  }
  return {
    securitySchemes: {
      [SECURITY_SCHEME]: {
        type: 'apiKey',
        in: 'header',
        name: 'x-api-key',
        description:
          'A sandbox key (`clk_test_...`), e.g. from `clinik-sandbox keys create`. Scope `read` allows GET only.',
      },
    },
    schemas: { ...schemas },
    responses,
    parameters: {
      Id: {
        name: 'id',
        in: 'path',
        required: true,
        schema: { type: 'string', pattern: '^[A-Za-z0-9\\-_.]{1,128}$' },
      },
      Count: {
        name: 'count',
        in: 'query',
        description:
          'Page size, 1 to 100. Defaults to 20 (also for missing, zero, negative or non-numeric values); above 100 is clamped to 100.',
        schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
      },
      Cursor: {
        name: 'cursor',
        in: 'query',
        description:
          'The opaque `cursor` of the previous page. An invalid cursor restarts from the first page.',
        schema: { type: 'string' },
      },
      IfMatch: {
        name: 'If-Match',
        in: 'header',
        description:
          'The `ETag` of the version the change is based on (`W/"<version>"`); a stale one answers 412 and changes nothing. Without it the last write wins.',
        schema: { type: 'string', pattern: '^W/"[^"]+"$' },
      },
    },
    headers: {
      ETag: {
        description: 'Version of the record, `W/"<version>"`; send it back as `If-Match`.',
        schema: { type: 'string', pattern: '^W/"[^"]+"$' },
      },
      RateLimitLimit: integer('Requests allowed per 60 s window of the organization.'),
      RateLimitRemaining: integer('Requests left in the window.'),
      RateLimitReset: integer('Seconds until the window resets.'),
      RetryAfter: integer('Seconds to wait before retrying.'),
      RequestId: { description: 'Request id (`req_...`).', schema: { type: 'string' } },
    },
  };
}

function retryAfter() {
  return { 'Retry-After': ref('headers', 'RetryAfter') };
}

/** Error responses of an operation, as `$ref`s. */
export function errorResponses(statuses: readonly ErrorStatus[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const status of statuses) out[status] = ref('responses', ERROR_RESPONSES[status][0]);
  return out;
}

/** Sentence for bulk operation docs. */
export const BULK_LIMITS = `At most ${MAX_BULK_RECORDS} records a batch and ${BULK_OPERATIONS_PER_HOUR} bulk operations per hour per organization (429 with \`Retry-After\`).`;
