import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RequestLogEntry } from '../logger.js';
import type { OpenApiDocument } from '../openapi/document.js';
import type { TestSandbox } from './harness.js';
import { sampleBodies } from './samples.js';

/** Records each request's logged route template by request id (the `X-Request-Id` header). */
export function routeRecorder() {
  const routes = new Map<string, RequestLogEntry>();
  return {
    logger: {
      request: (entry: RequestLogEntry) => routes.set(entry.requestId, entry),
      info() {},
    },
    /** The route template the sandbox logged for a response. */
    routeOf(headers: Headers): string | undefined {
      return routes.get(headers.get('x-request-id') ?? '')?.route;
    },
  };
}

/**
 * The document path a logged route template stands for: `/v1/patients/:id` -> `/v1/patients/{id}`,
 * `/v1/fhir/Patient/:id` -> `/v1/fhir/{type}/{id}`, `/v1/bulk/jobs/:id` -> `/v1/bulk/jobs/{jobId}`.
 */
export function documentPathOf(template: string): string {
  return template
    .replace(/^\/v1\/fhir\/[A-Z][A-Za-z]+/, '/v1/fhir/{type}')
    .replace(/^\/v1\/bulk\/jobs\/:id/, '/v1/bulk/jobs/{jobId}')
    .replace(/:id/g, '{id}');
}

/** JSON pointer escaping (RFC 6901). */
const pointerEscape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates bodies against the document's own response schemas with Ajv (JSON Schema 2020-12,
 * formats checked). `errorsOf` answers `undefined` when valid, else Ajv's error list as text.
 */
export function responseValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats.default(ajv);
  ajv.addSchema(doc, 'doc');
  const responses = doc.components.responses as Record<string, unknown>;
  return {
    errorsOf(path: string, method: string, status: number, body: unknown, type?: string) {
      const operation = doc.paths[path]?.[method.toLowerCase()] as
        | { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }
        | undefined;
      const response = operation?.responses[String(status)];
      if (!response) return `${method} ${path} documents no ${status}`;
      let base = `doc#/paths/${pointerEscape(path)}/${method.toLowerCase()}/responses/${status}`;
      let resolved = response;
      if (response.$ref) {
        const name = response.$ref.split('/').pop() ?? '';
        base = `doc#/components/responses/${name}`;
        resolved = responses[name] as typeof response;
      }
      const mediaType = type ?? Object.keys(resolved.content ?? {})[0];
      if (!mediaType || !resolved.content?.[mediaType]) return `no ${type} content`;
      const validate = ajv.getSchema(`${base}/content/${pointerEscape(mediaType)}/schema`);
      if (!validate) return 'schema not found';
      return validate(body) ? undefined : ajv.errorsText(validate.errors);
    },
  };
}

/**
 * One record of every registered resource (from `sampleBodies`), created over HTTP: ids by path.
 * Throws when a create fails, naming the path and status.
 */
export async function createOneOfEach(t: TestSandbox, key: string, paths: readonly string[]) {
  const ids: Record<string, string> = {};
  const create = async (path: string, body: unknown) => {
    const res = await t.request('POST', `/v1/${path}`, { key, body });
    if (res.status !== 201) throw new Error(`POST /v1/${path} answered ${res.status}`);
    ids[path] = res.body.data.id;
  };
  const first = sampleBodies({ patientId: 'p', practitionerId: 'p', scheduleId: 's' });
  await create('patients', first.patients);
  await create('practitioners', first.practitioners);
  const samples: Record<string, unknown> = sampleBodies({
    patientId: ids.patients as string,
    practitionerId: ids.practitioners as string,
    scheduleId: 'sched-1',
  });
  for (const path of paths) if (!(path in ids)) await create(path, samples[path]);
  return ids;
}
