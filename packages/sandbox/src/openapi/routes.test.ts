import { RESOURCES } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';
import { createOneOfEach, documentPathOf, routeRecorder } from '../test/openapi.js';
import type { OpenApiDocument } from './document.js';

const recorder = routeRecorder();
let t: TestSandbox;
let key: string;
let doc: OpenApiDocument;
let ids: Record<string, string>;
let jobId: string;

/** A version no record has: PATCH and DELETE answer 412 and change nothing. */
const STALE = { 'if-match': 'W/"stale"' };
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

beforeAll(async () => {
  t = await startTestSandbox({ logger: recorder.logger, plan: 'enterprise' });
  key = await t.keyFor(t.newOrg());
  doc = (await t.request('GET', '/openapi.json')).body;
  ids = await createOneOfEach(
    t,
    key,
    RESOURCES.map((r) => r.path),
  );
  const started = await t.request('POST', '/v1/bulk/export', {
    key,
    body: { resourceTypes: ['Patient'] },
  });
  jobId = started.body.data.jobId;
  for (let i = 0; i < 100; i++) {
    const job = await t.request('GET', `/v1/bulk/jobs/${jobId}`, { key });
    if (job.body.data.status === 'completed') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('export did not complete');
}, 120_000);
afterAll(() => t.close());

/** The document's path with real ids: `/v1/patients/{id}` -> `/v1/patients/<a patient>`. */
function concrete(path: string): string {
  const resource = /^\/v1\/([a-z-]+)\/\{id\}$/.exec(path)?.[1];
  return path
    .replace('{type}', 'Patient')
    .replace('{jobId}', jobId)
    .replace('{id}', ids[resource ?? 'patients'] ?? 'missing');
}

/** A body each write route refuses or applies harmlessly (stale If-Match stops every change). */
function bodyFor(path: string, method: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (path === '/v1/fhir/{type}/{id}' && method === 'PATCH') return [];
  if (path === '/v1/bulk/export') return { resourceTypes: [] };
  return {};
}

describe('the document and the routes the sandbox serves', () => {
  it('serves every documented operation on the documented route, answering a documented status', async () => {
    const checked: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item).filter((m) => m !== 'parameters')) {
        const upper = method.toUpperCase();
        const body = bodyFor(path, upper);
        const res = await t.request(upper, concrete(path), {
          key,
          headers: STALE,
          ...(body === undefined ? {} : { body }),
        });
        const label = `${upper} ${path} -> ${res.status}`;
        expect([404, 405], label).not.toContain(res.status);
        const route = recorder.routeOf(res.headers) ?? 'none';
        expect(documentPathOf(route), label).toBe(path);
        const documented = Object.keys((item[method] as { responses: object }).responses);
        expect(documented, label).toContain(String(res.status));
        checked.push(label);
      }
    }
    // 62 resources (collection GET + POST, item methods) + bulk 4 + FHIR 6 + 3 public ones.
    const itemMethods = RESOURCES.reduce((n, r) => n + r.itemMethods.length, 0);
    expect(checked).toHaveLength(RESOURCES.length * 2 + itemMethods + 4 + 6 + 3);
  }, 300_000);

  it('documents every route it serves: no undocumented method or path answers', async () => {
    const paths = new Set<string>([
      '/',
      '/health',
      '/openapi.json',
      '/v1',
      '/v1/health',
      '/v1/metadata',
      '/v1/openapi.json',
      '/v2/patients',
      '/v1/_sandbox/keys',
      '/_sandbox/keys',
      '/v1/fhir',
      '/v1/fhir/metadata',
      '/v1/fhir/Bundle',
      '/v1/bulk',
      '/v1/bulk/jobs',
      '/v1/bulk/status',
      `/v1/bulk/jobs/${jobId}`,
      `/v1/bulk/jobs/${jobId}/download`,
      `/v1/bulk/jobs/${jobId}/output`,
      `/v1/bulk/jobs/${jobId}/download/x`,
      '/v1/bulk/import',
      '/v1/bulk/export',
      '/v1/bulk/import/x',
      '/v1/bulk/export/x',
    ]);
    for (const r of RESOURCES) {
      const id = ids[r.path] ?? 'missing';
      paths.add(`/v1/${r.path}`);
      paths.add(`/v1/${r.path}/${id}`);
      paths.add(`/v1/${r.path}/${id}/history`);
      paths.add(`/v1/fhir/${r.fhirType}`);
      paths.add(`/v1/fhir/${r.fhirType}/${id}`);
      paths.add(`/v1/fhir/${r.fhirType}/${id}/_history`);
    }
    let served = 0;
    for (const path of paths) {
      for (const method of METHODS) {
        // No body: a served write route answers 400 (or 412 for DELETE) and changes nothing.
        const res = await t.request(method, path, { key, headers: STALE });
        if (res.status === 404 || res.status === 405) continue;
        served++;
        const route = recorder.routeOf(res.headers) ?? 'none';
        const documented = doc.paths[documentPathOf(route)]?.[method.toLowerCase()];
        expect(documented, `${method} ${path} -> ${res.status} (${route})`).toBeDefined();
      }
    }
    expect(served).toBeGreaterThan(RESOURCES.length * 8);
  }, 300_000);
});
