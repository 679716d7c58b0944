import type { AdapterRegistry } from '../engine/adapters/index.js';
import { SECURITY_SCHEME, sharedComponents } from './components.js';
import { bulkPaths, fhirPaths, publicPaths, resourcePaths } from './paths.js';

/** Where the sandbox serves the document (no key needed). */
export const OPENAPI_PATH = '/openapi.json';

/** An OpenAPI 3.1 document as a plain JSON value. */
export type OpenApiDocument = Record<string, unknown> & {
  openapi: '3.1.0';
  paths: Record<string, Record<string, unknown>>;
  components: ReturnType<typeof sharedComponents>;
};

/**
 * The OpenAPI 3.1.0 document of the sandbox's API: every registered resource (create, search,
 * read, update, delete with the registry's search parameters and item methods; bodies and records
 * from `@clinikapi/core`'s zod schemas as JSON Schema 2020-12), bulk import/export/jobs/download,
 * the FHIR passthrough, `/health`, `/v1/metadata` and itself. Every `/v1` route takes the key in
 * `x-api-key`. Error responses carry the contract's error body. Pure: the same adapters give the
 * same document. `servers` is left out: `withServer` adds the address it is served from.
 * Throws a `TypeError` when a core schema has no JSON Schema form (a programming error).
 */
export function openApiDocument(adapters: AdapterRegistry, version: string): OpenApiDocument {
  const components = sharedComponents();
  const paths: Record<string, Record<string, unknown>> = { ...publicPaths() };
  const all = adapters.all();
  for (const adapter of all) {
    const resource = resourcePaths(adapter);
    Object.assign(components.schemas, resource.schemas);
    Object.assign(paths, resource.paths);
  }
  Object.assign(paths, bulkPaths(), fhirPaths(all));
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    info: {
      title: 'ClinikAPI sandbox',
      version,
      description:
        'A local ClinikAPI-compatible data API (@clinikapi/sandbox). Writes use the simplified JSON shapes; every response except /health, /v1/metadata, /openapi.json, 204s and bulk downloads is a `{data, meta}` envelope; errors are `{error, message, code, requestId, issues?}`. Single records carry `ETag: W/"<version>"`; PATCH and DELETE honour `If-Match` (412 when stale). Another organization\'s record answers 404.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    security: [{ [SECURITY_SCHEME]: [] }],
    tags: [
      { name: 'server', description: 'Health, capabilities and this document (no key).' },
      { name: 'bulk', description: 'Bulk import and export jobs.' },
      { name: 'fhir', description: 'Raw FHIR R4 passthrough.' },
      ...all.map((a) => ({
        name: a.definition.path,
        description: `Simplified ${a.definition.fhirType} records.`,
      })),
    ],
    paths,
    components,
  };
}

/**
 * The document with `servers` naming where it was fetched from: `http://{host}:{port}` with the
 * listening port as the default (Postman turns server variables into collection variables).
 * Built from the server's own socket address, never from the request's `Host` header.
 */
export function withServer(document: OpenApiDocument, port: number | undefined) {
  return {
    ...document,
    servers: [
      {
        url: 'http://{host}:{port}',
        description: 'This sandbox',
        variables: {
          host: { default: '127.0.0.1' },
          port: { default: String(port ?? 4010) },
        },
      },
    ],
  };
}
