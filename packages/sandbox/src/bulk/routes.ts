import type { ResourceAdapter } from '../engine/adapter.js';
import type { AdapterRegistry } from '../engine/adapters/index.js';
import { isPlainObject } from '../engine/fhir-helpers.js';
import { readJsonBody } from '../http/body.js';
import type { ApiCall, RouteGroup } from '../http/call.js';
import { issue, notFound, validationError } from '../http/http-error.js';
import { methodNotAllowed } from '../http/resource-routes.js';
import { sendEnvelope } from '../http/respond.js';
import { type BulkJobs, MAX_BULK_RECORDS } from './jobs.js';

/** `Patient` or `patients` -> the adapter. */
function adapterNamed(adapters: AdapterRegistry, name: unknown): ResourceAdapter | undefined {
  if (typeof name !== 'string') return undefined;
  return adapters.byFhirType(name) ?? adapters.get(name);
}

/** `POST /v1/bulk/import`, `POST /v1/bulk/export`, `GET /v1/bulk/jobs/{id}[/download]`. */
export function bulkRoutes(jobs: BulkJobs, adapters: AdapterRegistry): RouteGroup {
  return {
    prefix: 'bulk',
    async handle(call: ApiCall) {
      const [first, id, extra, ...rest] = call.segments;
      const { ctx, res, method, scope } = call;
      if (rest.length > 0) throw notFound();

      if ((first === 'import' || first === 'export') && id === undefined) {
        ctx.route = `/v1/bulk/${first}`;
        if (method !== 'POST') throw methodNotAllowed(method, 'POST');
        const body = await readJsonBody(call.req);
        if (!isPlainObject(body))
          throw validationError([issue('structure', 'body must be a JSON object')]);

        if (first === 'import') {
          const adapter = adapterNamed(adapters, body.resourceType);
          if (!adapter)
            throw validationError([
              issue('code-invalid', 'resourceType is not a supported resource'),
            ]);
          if (typeof body.data !== 'string')
            throw validationError([issue('required', 'data is required')]);
          const lines = body.data.split('\n').filter((l) => l.trim() !== '');
          if (lines.length > MAX_BULK_RECORDS) {
            throw validationError([
              issue('value', `data must have at most ${MAX_BULK_RECORDS} records`),
            ]);
          }
          await jobs.assertQuota(scope);
          const jobId = await jobs.startImport(scope, adapter, lines);
          return sendEnvelope(res, ctx, 202, {
            jobId,
            status: 'pending',
            message: `Import of ${lines.length} records queued`,
          });
        }

        const names = body.resourceTypes ?? adapters.all().map((a) => a.definition.fhirType);
        if (!Array.isArray(names) || names.length === 0) {
          throw validationError([issue('structure', 'resourceTypes must be a non-empty array')]);
        }
        const selected = names.map((n) => adapterNamed(adapters, n));
        if (selected.some((a) => a === undefined)) {
          throw validationError([
            issue('code-invalid', 'resourceTypes contains an unsupported resource'),
          ]);
        }
        const since = body.since;
        if (since !== undefined && (typeof since !== 'string' || Number.isNaN(Date.parse(since)))) {
          throw validationError([issue('value', 'since must be an ISO 8601 date-time')]);
        }
        await jobs.assertQuota(scope);
        const jobId = await jobs.startExport(scope, selected as ResourceAdapter[], since);
        return sendEnvelope(res, ctx, 202, { jobId, status: 'pending', message: 'Export queued' });
      }

      if (first === 'jobs' && id !== undefined) {
        if (method !== 'GET') throw methodNotAllowed(method, 'GET');
        if (extra === undefined) {
          ctx.route = '/v1/bulk/jobs/:id';
          return sendEnvelope(res, ctx, 200, await jobs.get(scope, id));
        }
        if (extra === 'download') {
          ctx.route = '/v1/bulk/jobs/:id/download';
          const ndjson = await jobs.download(scope, id);
          res.statusCode = 200;
          res.setHeader('Content-Type', 'application/fhir+ndjson');
          res.end(ndjson);
          return;
        }
      }
      throw notFound();
    },
  };
}
