import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientPortal, staff } from './policies/policies.js';
import { clinikProxy } from './proxy.js';
import { send, serve } from './test/http.js';
import { headerAuth, type TestUser } from './test/setup-proxy.js';

// End to end against the real local data API (in-memory PGlite): key injection, narrowing,
// and an Express app that parses JSON before the proxy.
let sandbox: Sandbox;
let sandboxUrl: string;
let key: string;
let staffApp: Awaited<ReturnType<typeof serve>>;
let portalApp: Awaited<ReturnType<typeof serve>>;
const ids = { patientA: '', patientB: '', apptA: '', apptB: '' };

const json = { 'content-type': 'application/json' };
const staffUser = { 'x-test-user': 'staff_1' };

beforeAll(async () => {
  sandbox = await createSandbox({ memory: true });
  sandboxUrl = (await sandbox.listen(0)).url;
  key = (await sandbox.keys.create({ org: 'org_a', env: 'test', scope: '*' })).key;

  const staffProxy = clinikProxy<TestUser>({
    target: sandboxUrl,
    apiKey: key,
    authenticate: headerAuth,
    authorize: staff(),
    mountPath: '/api/clinik',
    logger: false,
  });
  staffApp = await serve((req, res) => staffProxy(req, res));

  const portal = express();
  portal.use(express.json());
  portal.use(
    '/api/clinik',
    clinikProxy<TestUser, express.Request>({
      target: sandboxUrl,
      apiKey: () => key,
      authenticate: headerAuth,
      authorize: patientPortal({ patientIdOf: (u) => u.patientId, writable: ['appointments'] }),
      logger: false,
    }),
  );
  portalApp = await serve(portal);

  const create = async (path: string, body: unknown) => {
    const res = await send(staffApp.url, `/api/clinik/v1/${path}`, {
      method: 'POST',
      headers: { ...staffUser, ...json },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(201);
    return (res.json().data as { id: string }).id;
  };
  ids.patientA = await create('patients', { firstName: 'Ann', lastName: 'Able' });
  ids.patientB = await create('patients', { firstName: 'Bob', lastName: 'Baker' });
  ids.apptA = await create('appointments', { status: 'proposed', patientId: ids.patientA });
  ids.apptB = await create('appointments', { status: 'proposed', patientId: ids.patientB });
}, 60_000);

afterAll(async () => {
  await Promise.all([staffApp?.close(), portalApp?.close()]);
  await sandbox?.close();
});

const patientA = () => ({ 'x-test-user': 'user_a', 'x-test-patient': ids.patientA });

describe('against the sandbox', () => {
  it('injects the key: the browser sends none, the data API answers', async () => {
    const direct = await send(sandboxUrl, `/v1/patients/${ids.patientA}`);
    expect(direct.status).toBe(401);
    const proxied = await send(staffApp.url, `/api/clinik/v1/patients/${ids.patientA}`, {
      headers: { ...staffUser, 'x-api-key': 'clk_test_attackerattackerattacker' },
    });
    expect(proxied.status).toBe(200);
    expect(proxied.json()).toMatchObject({ data: { id: ids.patientA, firstName: 'Ann' } });
    expect(proxied.text).not.toContain(key);
    expect(proxied.headers['x-ratelimit-limit']).toBeDefined();
    expect(proxied.headers['x-powered-by']).toBeUndefined();
  });

  it('narrows a patient portal search to the patient', async () => {
    const res = await send(portalApp.url, '/api/clinik/v1/appointments', { headers: patientA() });
    expect(res.status).toBe(200);
    const page = res.json().data as { data: { id: string; patientId: string }[] };
    expect(page.data.map((a) => a.id)).toEqual([ids.apptA]);
    const sneaky = await send(
      portalApp.url,
      `/api/clinik/v1/appointments?patientId=${ids.patientB}`,
      {
        headers: patientA(),
      },
    );
    expect((sneaky.json().data as { data: unknown[] }).data).toHaveLength(1);
  });

  it("answers 404 for another patient's records", async () => {
    const appt = await send(portalApp.url, `/api/clinik/v1/appointments/${ids.apptB}`, {
      headers: patientA(),
    });
    expect(appt.status).toBe(404);
    expect(appt.json()).toMatchObject({ error: 'NOT_FOUND', code: '404' });
    const patient = await send(portalApp.url, `/api/clinik/v1/patients/${ids.patientB}`, {
      headers: patientA(),
    });
    expect(patient.status).toBe(404);
    const own = await send(portalApp.url, `/api/clinik/v1/appointments/${ids.apptA}`, {
      headers: patientA(),
    });
    expect(own.status).toBe(200);
  });

  it('creates through Express with express.json() mounted first, only for the patient', async () => {
    const own = await send(portalApp.url, '/api/clinik/v1/appointments', {
      method: 'POST',
      headers: { ...patientA(), ...json },
      body: JSON.stringify({ status: 'proposed', patientId: ids.patientA, comment: 'knee' }),
    });
    expect(own.status).toBe(201);
    expect(own.json()).toMatchObject({ data: { patientId: ids.patientA, comment: 'knee' } });
    const other = await send(portalApp.url, '/api/clinik/v1/appointments', {
      method: 'POST',
      headers: { ...patientA(), ...json },
      body: JSON.stringify({ status: 'proposed', patientId: ids.patientB }),
    });
    expect(other.status).toBe(403);
    const cancelOther = await send(portalApp.url, `/api/clinik/v1/appointments/${ids.apptB}`, {
      method: 'PATCH',
      headers: { ...patientA(), ...json },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(cancelOther.status).toBe(404);
  });

  it('passes versions through: ETag out, If-Match in, and the 412 of a stale version', async () => {
    const url = `/api/clinik/v1/patients/${ids.patientB}`;
    const read = await send(staffApp.url, url, { headers: staffUser });
    const etag = read.headers.etag as string;
    expect(etag).toMatch(/^W\/"\d+"$/);
    const patch = (ifMatch: string, firstName: string) =>
      send(staffApp.url, url, {
        method: 'PATCH',
        headers: { ...staffUser, ...json, 'if-match': ifMatch },
        body: JSON.stringify({ firstName }),
      });
    const first = await patch(etag, 'Bobby');
    expect(first.status).toBe(200);
    expect(first.headers.etag).not.toBe(etag);
    const stale = await patch(etag, 'Robert');
    expect(stale.status).toBe(412);
    expect(stale.json()).toMatchObject({ error: 'PRECONDITION_FAILED', code: '412' });
    expect(stale.json().requestId).toMatch(/^req_/);
    const gone = await send(staffApp.url, url, {
      method: 'DELETE',
      headers: { ...staffUser, 'if-match': etag },
    });
    expect(gone.status).toBe(412);
    const after = await send(staffApp.url, url, { headers: staffUser });
    expect(after.json()).toMatchObject({ data: { firstName: 'Bobby' } });
    expect(after.headers.etag).toBe(first.headers.etag);
  });

  it('a portal write carries the version it checked the owner of', async () => {
    const url = `/api/clinik/v1/appointments/${ids.apptA}`;
    const before = await send(portalApp.url, url, { headers: patientA() });
    // Staff change the appointment between the portal's read and its write.
    await send(staffApp.url, url, {
      method: 'PATCH',
      headers: { ...staffUser, ...json },
      body: JSON.stringify({ comment: 'moved by staff' }),
    });
    const stale = await send(portalApp.url, url, {
      method: 'PATCH',
      headers: { ...patientA(), ...json, 'if-match': before.headers.etag as string },
      body: JSON.stringify({ comment: 'from the portal' }),
    });
    expect(stale.status).toBe(412);
    const fresh = await send(portalApp.url, url, {
      method: 'PATCH',
      headers: { ...patientA(), ...json },
      body: JSON.stringify({ comment: 'from the portal' }),
    });
    expect(fresh.status).toBe(200);
  });

  it('passes the data API validation errors through unchanged', async () => {
    const res = await send(staffApp.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...staffUser, ...json },
      body: JSON.stringify({ firstName: 'NoLastName' }),
    });
    expect(res.status).toBe(422);
    expect(res.json()).toMatchObject({ error: 'VALIDATION_ERROR', code: '422' });
    expect(res.text).not.toContain('NoLastName');
  });
});
