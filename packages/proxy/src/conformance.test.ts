import {
  type ChangeNotice,
  patientFieldOf,
  RESOURCES,
  type ResourceDefinition,
} from '@clinikapi/core';
import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The sandbox's own fixtures: one complete body per path, and one change per patchable path.
import { sampleBodies, samplePatches } from '../../sandbox/src/test/samples.js';
import { MemoryDedupeStore, MemoryEventBus } from './events/memory.js';
import { patientPortal, staff } from './policies/policies.js';
import { clinikProxy } from './proxy.js';
import { send, serve, until } from './test/http.js';
import { headerAuth, type TestUser } from './test/setup-proxy.js';

/**
 * The whole registry through proxy and sandbox (issue 16): for every one of the 62 paths, staff
 * create, read, search, patch (or get 405 where the API has no PATCH) and delete; every change
 * comes back as a signed webhook the proxy's receiver maps to the path; and a patient portal sees
 * exactly what the registry's ownership allows: its own patient-owned records (never another
 * patient's: 404), shared reference data read-only, internal data not at all.
 */
let sandbox: Sandbox;
let staffApp: Awaited<ReturnType<typeof serve>>;
let portalApp: Awaited<ReturnType<typeof serve>>;
let closeProxies: () => Promise<void>;
const notices: ChangeNotice[] = [];
const patients = { a: '', b: '' };

const PATIENT_OWNED = RESOURCES.filter((r) => r.ownership === 'patient');
const json = { 'content-type': 'application/json' };
const staffUser = { 'x-test-user': 'staff_1' };
const portalUser = () => ({ 'x-test-user': 'user_a', 'x-test-patient': patients.a });

async function call(
  app: { url: string },
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
) {
  const res = await send(app.url, `/api/clinik/v1/${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, ...json },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const parsed = res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {};
  return { status: res.status, headers: res.headers, body: parsed, data: parsed.data as Data };
}
// biome-ignore lint/suspicious/noExplicitAny: response payloads are asserted on, not typed
type Data = any;

const asStaff = (method: string, path: string, body?: unknown) =>
  call(staffApp, method, path, staffUser, body);
const asPortal = (method: string, path: string, body?: unknown) =>
  call(portalApp, method, path, portalUser(), body);
const idsOf = (page: Data): string[] => page.data.map((r: { id: string }) => r.id);

/** The sample of a path owned by `patientId` (its owner field, whatever it is called, set to it). */
function sampleFor(definition: ResourceDefinition, patientId: string) {
  const body = sampleBodies({ patientId, practitionerId: 'prac-1', scheduleId: 'sched-1' })[
    definition.path as keyof ReturnType<typeof sampleBodies>
  ] as Record<string, unknown>;
  const field = patientFieldOf(definition);
  if (definition.ownership === 'patient' && field) expect(body[field]).toBe(patientId);
  return body;
}

beforeAll(async () => {
  // One sandbox for the file; a plan whose rate limit the walk cannot reach.
  sandbox = await createSandbox({
    memory: true,
    plan: 'enterprise',
    webhooks: { timeScale: 0.001 },
  });
  const { url: target } = await sandbox.listen(0);
  const { key } = await sandbox.keys.create({ org: 'org_conformance', env: 'test', scope: '*' });

  // The staff app also receives the sandbox's webhooks (its secret is known once it is added).
  let staffProxy: ReturnType<typeof clinikProxy<TestUser>> | undefined;
  staffApp = await serve((req, res) => staffProxy?.(req, res));
  const { secret } = await sandbox.webhooks.add({
    org: 'org_conformance',
    env: 'test',
    url: `${staffApp.url}/api/clinik/webhooks`,
    events: ['*'],
  });
  const bus = new MemoryEventBus();
  bus.subscribe((notice) => notices.push(notice));
  staffProxy = clinikProxy<TestUser>({
    target,
    apiKey: key,
    authenticate: headerAuth,
    authorize: staff(),
    mountPath: '/api/clinik',
    rateLimit: false,
    logger: false,
    events: { webhookSecret: secret, store: { bus, dedupe: new MemoryDedupeStore() } },
  });
  const portalProxy = clinikProxy<TestUser>({
    target,
    apiKey: key,
    authenticate: headerAuth,
    // Every path writable: what a patient may write is then the narrowing's decision alone.
    authorize: patientPortal({
      patientIdOf: (u) => u.patientId,
      writable: RESOURCES.map((r) => r.path),
    }),
    mountPath: '/api/clinik',
    rateLimit: false,
    logger: false,
  });
  portalApp = await serve((req, res) => portalProxy(req, res));
  closeProxies = async () => {
    await Promise.all([staffProxy?.close(), portalProxy.close()]);
  };

  patients.a = (await asStaff('POST', 'patients', { firstName: 'Ann', lastName: 'Able' })).data.id;
  patients.b = (await asStaff('POST', 'patients', { firstName: 'Bob', lastName: 'Baker' })).data.id;
}, 60_000);

afterAll(async () => {
  await closeProxies?.();
  await Promise.all([staffApp?.close(), portalApp?.close()]);
  await sandbox?.close();
});

describe.each(RESOURCES.map((r) => [r.path, r] as const))('%s', (path, definition) => {
  it('creates, reads, searches, patches and deletes through the proxy, with webhooks', async () => {
    const body = sampleFor(definition, patients.a);
    const created = await asStaff('POST', path, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id } = created.data;
    expect(created.data).toMatchObject(body);

    const read = await asStaff('GET', `${path}/${id}`);
    expect(read.status).toBe(200);
    expect(read.data).toEqual(created.data);
    const search = await asStaff('GET', path);
    expect(idsOf(search.data)).toContain(id);

    const patch = samplePatches[path];
    const patched = await asStaff('PATCH', `${path}/${id}`, patch ?? { bogus: true });
    if (definition.itemMethods.includes('PATCH')) {
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
      expect(patched.data).toMatchObject({ id, ...patch });
    } else {
      // Refused by the proxy's route table (the registry's item methods), before the upstream.
      expect(patched.status).toBe(405);
      expect(patched.headers.allow).toBe('GET, DELETE');
      expect((await asStaff('GET', `${path}/${id}`)).data).toEqual(created.data);
    }

    expect((await asStaff('DELETE', `${path}/${id}`)).status).toBe(204);
    expect((await asStaff('GET', `${path}/${id}`)).status).toBe(404);

    const expected = definition.itemMethods.includes('PATCH')
      ? ['created', 'updated', 'deleted']
      : ['created', 'deleted'];
    await until(() => notices.filter((n) => n.resourceId === id).length >= expected.length, 15_000);
    const mine = notices.filter((n) => n.resourceId === id);
    expect(mine.every((n) => n.resource === path)).toBe(true);
    expect(mine.map((n) => n.event).sort()).toEqual(
      expected.map((action) => `${definition.event}.${action}`).sort(),
    );
  });
});

describe.each(PATIENT_OWNED.map((r) => [r.path, r] as const))(
  'portal on %s',
  (path, definition) => {
    it("sees and writes only the patient's own records; another patient's answer 404", async () => {
      const field = patientFieldOf(definition) ?? 'patientId';
      const own = (await asStaff('POST', path, sampleFor(definition, patients.a))).data;
      const other = (await asStaff('POST', path, sampleFor(definition, patients.b))).data;
      expect(other[field]).toBe(patients.b);

      // Searches are forced to the patient, whatever the client asks for.
      const listed = await asPortal('GET', path);
      expect(listed.status).toBe(200);
      expect(idsOf(listed.data)).toContain(own.id);
      expect(idsOf(listed.data)).not.toContain(other.id);
      const sneaky = await asPortal('GET', `${path}?${field}=${patients.b}`);
      expect(idsOf(sneaky.data)).not.toContain(other.id);

      // Single records are checked: another patient's does not exist for this user.
      expect((await asPortal('GET', `${path}/${own.id}`)).status).toBe(200);
      const hidden = await asPortal('GET', `${path}/${other.id}`);
      expect(hidden.status).toBe(404);
      expect(JSON.stringify(hidden.body)).not.toContain(patients.b);
      const patch = samplePatches[path] ?? {};
      if (definition.itemMethods.includes('PATCH')) {
        expect((await asPortal('PATCH', `${path}/${other.id}`, patch)).status).toBe(404);
        expect((await asPortal('PATCH', `${path}/${own.id}`, patch)).status).toBe(200);
        // Moving a record to another patient is refused.
        expect((await asPortal('PATCH', `${path}/${own.id}`, { [field]: patients.b })).status).toBe(
          403,
        );
      }
      expect((await asPortal('DELETE', `${path}/${other.id}`)).status).toBe(403);
      expect((await asPortal('DELETE', `${path}/${own.id}`)).status).toBe(403);

      // Creates must carry the patient.
      expect((await asPortal('POST', path, sampleFor(definition, patients.b))).status).toBe(403);
      const { [field]: _owner, ...ownerless } = sampleFor(definition, patients.a);
      expect((await asPortal('POST', path, ownerless)).status).toBe(403);
      expect((await asPortal('POST', path, sampleFor(definition, patients.a))).status).toBe(201);

      // The other patient's record is untouched.
      expect((await asStaff('GET', `${path}/${other.id}`)).data).toEqual(other);
    });
  },
);

describe('portal on shared and internal data', () => {
  const shared = RESOURCES.filter((r) => r.ownership === 'shared');
  const internal = RESOURCES.filter((r) => r.ownership === 'internal');

  it.each(shared.map((r) => [r.path, r] as const))(
    'reads %s (a shared directory or catalog) but cannot write it',
    async (path, definition) => {
      const record = (await asStaff('POST', path, sampleFor(definition, patients.b))).data;
      const listed = await asPortal('GET', path);
      expect(listed.status).toBe(200);
      expect(idsOf(listed.data)).toContain(record.id);
      expect((await asPortal('GET', `${path}/${record.id}`)).status).toBe(200);
      expect((await asPortal('POST', path, sampleFor(definition, patients.a))).status).toBe(403);
      expect((await asPortal('PATCH', `${path}/${record.id}`, samplePatches[path])).status).toBe(
        403,
      );
      expect((await asPortal('DELETE', `${path}/${record.id}`)).status).toBe(403);
    },
  );

  it.each(internal.map((r) => [r.path, r] as const))(
    'refuses %s (not tied to one patient, not for patients)',
    async (path, definition) => {
      const record = (await asStaff('POST', path, sampleFor(definition, patients.a))).data;
      expect((await asPortal('GET', path)).status).toBe(403);
      expect((await asPortal('GET', `${path}/${record.id}`)).status).toBe(403);
      expect((await asPortal('POST', path, sampleFor(definition, patients.a))).status).toBe(403);
    },
  );
});
