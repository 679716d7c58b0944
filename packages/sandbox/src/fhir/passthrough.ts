import { isValidId } from '@clinikapi/core';
import type { ResourceEngine } from '../engine/engine.js';
import { isPlainObject } from '../engine/fhir-helpers.js';
import type { FhirResource } from '../engine/fhir-types.js';
import { newId } from '../engine/rows.js';
import { readJsonBody } from '../http/body.js';
import type { ApiCall, RouteGroup } from '../http/call.js';
import { HttpError, issue, notFound } from '../http/http-error.js';
import { etagOf, parseIfMatch } from '../http/if-match.js';
import { methodNotAllowed } from '../http/resource-routes.js';
import { sendJson, sendNoContent } from '../http/respond.js';
import { applyJsonPatch } from './json-patch.js';
import { handlingOf, parseFhirSearch } from './search-params.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function requireResource(body: unknown, fhirType: string): FhirResource {
  if (!isPlainObject(body) || body.resourceType !== fhirType) {
    throw new HttpError(422, 'VALIDATION_ERROR', 'Request body is not a matching FHIR resource', [
      issue('structure', `resourceType must be ${fhirType}`),
    ]);
  }
  return body as FhirResource;
}

/**
 * `/v1/fhir/{Type}[/{id}]`: raw FHIR R4 in and out for the registered types, tenant tag injected and
 * searches filtered by tenant. Searches accept the simplified API's parameters, `_count`, and FHIR
 * string search on names (`search-params.ts`); unknown parameters follow `Prefer: handling`.
 * Versions as FHIR R4 http.html describes them: `ETag: W/"<versionId>"` on read, create and
 * update; `If-Match` on PUT, PATCH and DELETE makes the write version-aware (412 when the record
 * moved on, and for a PUT whose record does not exist).
 */
export function fhirPassthrough(engine: ResourceEngine): RouteGroup {
  return {
    prefix: 'fhir',
    async handle(call: ApiCall) {
      const [fhirType, id, ...rest] = call.segments;
      const adapter = fhirType ? engine.adapters.byFhirType(fhirType) : undefined;
      if (!adapter || rest.length > 0) throw notFound('No such FHIR resource type');
      const { ctx, res, method, scope } = call;

      if (id === undefined) {
        ctx.route = `/v1/fhir/${fhirType}`;
        if (method === 'GET') {
          const search = parseFhirSearch(
            adapter,
            new URLSearchParams(call.query),
            handlingOf(call.req.headers.prefer),
          );
          const page = await engine.searchRaw(scope, adapter, search.query, {
            strings: search.strings,
          });
          const outcome =
            search.ignored.length > 0
              ? [
                  {
                    resource: {
                      resourceType: 'OperationOutcome',
                      issue: search.ignored.map((name) => ({
                        severity: 'warning',
                        code: 'not-supported',
                        diagnostics: `Unknown search parameter ignored: ${name.slice(0, 64)}`,
                      })),
                    },
                    search: { mode: 'outcome' },
                  },
                ]
              : [];
          return sendJson(
            res,
            200,
            {
              resourceType: 'Bundle',
              type: 'searchset',
              total: page.total,
              link: [
                { relation: 'self', url: searchUrl(adapter.definition.fhirType, search.used) },
                ...(page.cursor
                  ? [
                      {
                        relation: 'next',
                        url: searchUrl(adapter.definition.fhirType, search.used, page.cursor),
                      },
                    ]
                  : []),
              ],
              entry: [
                ...page.data.map((row) => ({
                  fullUrl: `${fhirType}/${row.id}`,
                  resource: row.resource,
                  search: { mode: 'match' },
                })),
                ...outcome,
              ],
            },
            FHIR_JSON,
          );
        }
        if (method === 'POST') {
          const resource = requireResource(
            await readJsonBody(call.req),
            adapter.definition.fhirType,
          );
          const { row } = await engine.writeFhir(scope, adapter, newId(), () => resource);
          res.setHeader('Location', `fhir/${fhirType}/${row.id}/_history/${row.version_id}`);
          res.setHeader('ETag', etagOf(row.version_id));
          return sendJson(res, 201, row.resource, FHIR_JSON);
        }
        throw methodNotAllowed(method, 'GET, POST');
      }

      ctx.route = `/v1/fhir/${fhirType}/:id`;
      if (!isValidId(id)) throw notFound();
      if (method === 'GET') {
        const row = await engine.readRow(scope, adapter, id);
        res.setHeader('ETag', etagOf(row.version_id));
        return sendJson(res, 200, row.resource, FHIR_JSON);
      }
      // Resources the API makes immutable (no PATCH, e.g. audit events) take no FHIR update either.
      const mutable = adapter.definition.itemMethods.includes('PATCH');
      const allowed = mutable ? 'GET, PUT, PATCH, DELETE' : 'GET, DELETE';
      if (!mutable && (method === 'PUT' || method === 'PATCH'))
        throw methodNotAllowed(method, allowed);
      const precondition = parseIfMatch(call.req.headers['if-match']);
      if (method === 'PUT') {
        const resource = requireResource(await readJsonBody(call.req), adapter.definition.fhirType);
        if (resource.id !== undefined && resource.id !== id) {
          throw new HttpError(422, 'VALIDATION_ERROR', 'Resource id does not match the URL', [
            issue('value', 'id must match the id in the URL'),
          ]);
        }
        const { row, created } = await engine.writeFhir(
          scope,
          adapter,
          id,
          () => resource,
          precondition,
        );
        res.setHeader('ETag', etagOf(row.version_id));
        return sendJson(res, created ? 201 : 200, row.resource, FHIR_JSON);
      }
      if (method === 'PATCH') {
        const patch = await readJsonBody(call.req);
        // 404 for a missing record comes before 412, as in the simplified API.
        await engine.readRow(scope, adapter, id);
        const { row } = await engine.writeFhir(
          scope,
          adapter,
          id,
          (current) => {
            // Deleted between the check above and the lock.
            if (!current) throw notFound();
            return requireResource(
              applyJsonPatch(current.resource, patch),
              adapter.definition.fhirType,
            );
          },
          precondition,
        );
        res.setHeader('ETag', etagOf(row.version_id));
        return sendJson(res, 200, row.resource, FHIR_JSON);
      }
      if (method === 'DELETE') {
        await engine.remove(scope, adapter, id, precondition);
        return sendNoContent(res);
      }
      throw methodNotAllowed(method, allowed);
    },
  };
}

/**
 * The `self` link (the parameters applied: ignored ones are left out, as R4 search.html asks) and
 * the `next` link (the same search one page on; its parameters are part of the cursor's check).
 */
function searchUrl(fhirType: string, used: URLSearchParams, cursor?: string): string {
  const params = new URLSearchParams(used);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return `fhir/${fhirType}${query ? `?${query}` : ''}`;
}
