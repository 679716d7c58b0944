import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientPortal, readOnly, staff } from './policies/policies.js';
import { send, until } from './test/http.js';
import { MOUNTS } from './test/mounts.js';
import { startProxy, type TestUser } from './test/setup-proxy.js';
import type { AuthorizeContext, ClinikProxyOptions } from './types.js';

// Bulk export downloads through the proxy, end to end against the real local data API.
let sandbox: Sandbox;
let target: string;
let keyA: string;
let keyB: string;
let jobA: string;
let jobB: string;
let patientA: string;

const staffUser = { 'x-test-user': 'staff_1' };

/** Starts an export directly on the data API and waits until it has completed. */
async function completedExport(key: string): Promise<string> {
  const headers = { 'x-api-key': key, 'content-type': 'application/json' };
  const started = await send(target, '/v1/bulk/export', {
    method: 'POST',
    headers,
    body: JSON.stringify({ resourceTypes: ['Patient'] }),
  });
  const { jobId } = (started.json() as { data: { jobId: string } }).data;
  let status = '';
  await until(() => {
    void send(target, `/v1/bulk/jobs/${jobId}`, { headers }).then((res) => {
      status = (res.json() as { data: { status: string } }).data.status;
    });
    return status === 'completed';
  });
  return jobId;
}

beforeAll(async () => {
  sandbox = await createSandbox({ memory: true });
  target = (await sandbox.listen(0)).url;
  keyA = (await sandbox.keys.create({ org: 'org_a', env: 'test', scope: '*' })).key;
  keyB = (await sandbox.keys.create({ org: 'org_b', env: 'test', scope: '*' })).key;
  const create = async (key: string, firstName: string) => {
    const res = await send(target, '/v1/patients', {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName, lastName: 'Export' }),
    });
    return (res.json() as { data: { id: string } }).data.id;
  };
  patientA = await create(keyA, 'Ann');
  await create(keyA, 'Amy');
  await create(keyB, 'Bob');
  jobA = await completedExport(keyA);
  jobB = await completedExport(keyB);
}, 60_000);
afterAll(() => sandbox?.close());

/** A proxy in front of the sandbox with org A's key, bulk enabled. */
const proxyFor = (authorize: ClinikProxyOptions<TestUser>['authorize']) =>
  startProxy(target, { apiKey: keyA, enable: { bulk: true }, authorize });

describe.each(Object.keys(MOUNTS))('bulk export download through the %s mount', (mount) => {
  it('lists the download through the proxy and streams the NDJSON of the organization', async () => {
    const app = await MOUNTS[mount]?.({
      target,
      apiKey: keyA,
      authorize: staff(),
      enable: { bulk: true },
      logger: false,
    });
    if (!app) throw new Error(mount);
    try {
      const job = await send(app.url, `/api/clinik/v1/bulk/jobs/${jobA}`, { headers: staffUser });
      expect(job.status).toBe(200);
      const { downloadUrl } = (job.json() as { data: { downloadUrl: string } }).data;
      expect(downloadUrl).toBe(`/api/clinik/v1/bulk/jobs/${jobA}/download`);

      const download = await send(app.url, downloadUrl, { headers: staffUser });
      expect(download.status).toBe(200);
      expect(download.headers['content-type']).toBe('application/fhir+ndjson; charset=utf-8');
      expect(download.headers['cache-control']).toBe('no-store');
      const lines = download.text.trim().split('\n');
      const names = lines.map((l) => (JSON.parse(l) as { name: { given: string[] }[] }).name[0]);
      expect(names.map((n) => n?.given[0]).sort()).toEqual(['Amy', 'Ann']);
      expect(download.text).not.toContain(keyA);
      expect(JSON.stringify(download.headers)).not.toContain(keyA);
    } finally {
      await app.close();
    }
  });
});

describe('who may download an export', () => {
  it("answers another organization's job with 404, as the data API does", async () => {
    const proxy = await proxyFor(staff());
    try {
      const res = await send(proxy.url, `/api/clinik/v1/bulk/jobs/${jobB}/download`, {
        headers: staffUser,
      });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Bob');
    } finally {
      await proxy.close();
    }
  });

  it('refuses a patient portal user the whole-organization export (403), never asking the data API', async () => {
    const proxy = await proxyFor(
      patientPortal<TestUser>({ patientIdOf: (u) => u.patientId, writable: ['appointments'] }),
    );
    try {
      for (const path of [`/v1/bulk/jobs/${jobA}/download`, `/v1/bulk/jobs/${jobA}`]) {
        const res = await send(proxy.url, `/api/clinik${path}`, {
          headers: { 'x-test-user': 'user_a', 'x-test-patient': patientA },
        });
        expect(res.status, path).toBe(403);
        expect(res.text).not.toContain('Ann');
      }
    } finally {
      await proxy.close();
    }
  });

  it('refuses read-only users: they may not start an export, so they may not fetch one', async () => {
    const proxy = await proxyFor(readOnly());
    try {
      const res = await send(proxy.url, `/api/clinik/v1/bulk/jobs/${jobA}/download`, {
        headers: staffUser,
      });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('Ann');
    } finally {
      await proxy.close();
    }
  });

  it('asks authorize about the download and about starting an export; both must allow', async () => {
    const asked: string[] = [];
    let mayExport = false;
    const proxy = await proxyFor((context: AuthorizeContext<TestUser>) => {
      asked.push(`${context.method} ${context.route.template}`);
      return context.method === 'GET' || mayExport;
    });
    try {
      const path = `/api/clinik/v1/bulk/jobs/${jobA}/download`;
      expect((await send(proxy.url, path, { headers: staffUser })).status).toBe(403);
      expect(asked).toEqual(['GET /v1/bulk/jobs/:id/download', 'POST /v1/bulk/export']);
      mayExport = true;
      expect((await send(proxy.url, path, { headers: staffUser })).status).toBe(200);
    } finally {
      await proxy.close();
    }
  });

  it('refuses a narrowed answer for the download (an export cannot be filtered to one patient)', async () => {
    const proxy = await proxyFor(() => ({ patientId: patientA }));
    try {
      const res = await send(proxy.url, `/api/clinik/v1/bulk/jobs/${jobA}/download`, {
        headers: staffUser,
      });
      expect(res.status).toBe(403);
    } finally {
      await proxy.close();
    }
  });
});
