import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTarget } from './route.js';

// The proxy's route registry against the sandbox's own OpenAPI document: every /v1 operation the
// data API documents has a route here (when FHIR and bulk are enabled), and every route here is
// one the data API documents. A missing route (as the bulk download once was) fails this.
let sandbox: Sandbox;
let paths: Record<string, Record<string, unknown>>;
const OPTIONS = { enableFhir: true, enableBulk: true, urlLength: 8192 };
/** Served by the data API without a key; the proxy has no reason to forward them. */
const NOT_PROXIED = new Set(['/health', '/v1/metadata', '/openapi.json']);

beforeAll(async () => {
  sandbox = await createSandbox({ memory: true });
  const { url } = await sandbox.listen(0);
  paths = ((await (await fetch(`${url}/openapi.json`)).json()) as { paths: typeof paths }).paths;
}, 60_000);
afterAll(() => sandbox?.close());

const concrete = (path: string) =>
  path.replace('{type}', 'Patient').replace('{jobId}', 'job_1').replace('{id}', 'rec_1');

describe("the proxy's routes and the data API's document", () => {
  it('routes every documented /v1 operation', () => {
    let routed = 0;
    for (const [path, item] of Object.entries(paths)) {
      if (NOT_PROXIED.has(path)) continue;
      for (const method of Object.keys(item).filter((m) => m !== 'parameters')) {
        const parsed = parseTarget(concrete(path), method.toUpperCase(), OPTIONS);
        expect('status' in parsed ? parsed : 'routed', `${method} ${path}`).toBe('routed');
        routed++;
      }
    }
    expect(routed).toBeGreaterThan(200);
  });

  it('routes nothing the document does not have', () => {
    const documented = new Set(
      Object.entries(paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${concrete(path)}`),
      ),
    );
    const candidates = new Set<string>();
    for (const path of Object.keys(paths)) {
      const base = concrete(path);
      for (const suffix of ['', '/rec_1', '/download', '/x/download', '/_history']) {
        candidates.add(`${base}${suffix}`);
      }
    }
    for (const extra of [
      '/v1/bulk/jobs',
      '/v1/bulk/status',
      '/v1/fhir',
      '/v1/bulk/jobs/job_1/output',
    ]) {
      candidates.add(extra);
    }
    let routed = 0;
    for (const path of candidates) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']) {
        const parsed = parseTarget(path, method, OPTIONS);
        if ('status' in parsed) continue;
        routed++;
        // Ids differ between the candidate and the document: compare by the route's shape.
        const shape = parsed.route.template
          .replace(/^\/v1\/fhir\/[A-Z][A-Za-z]+/, '/v1/fhir/Patient')
          .replace(':id', parsed.route.kind === 'bulk' ? 'job_1' : 'rec_1');
        expect(documented.has(`${method} ${shape}`), `${method} ${path}`).toBe(true);
      }
    }
    expect(routed).toBeGreaterThan(200);
  });
});
