import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from './actions.js';
import { patientPortal, readOnly } from './policies/policies.js';
import { type FakeUpstream, sendJson, startUpstream } from './test/fake-upstream.js';
import { send, until } from './test/http.js';
import { recordHandler } from './test/record-upstream.js';
import { startProxy, type TestUser } from './test/setup-proxy.js';

// The official widgets' `{ action, data }` protocol, with hostile tests: a patient-portal user
// acting on another patient's record, unknown and malformed actions, hostile ids.
let upstream: FakeUpstream;
let staffProxy: Awaited<ReturnType<typeof startProxy>>;
let portal: Awaited<ReturnType<typeof startProxy>>;
let reader: Awaited<ReturnType<typeof startProxy>>;
let off: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  upstream = await startUpstream();
  staffProxy = await startProxy(upstream.url, { actions: true });
  portal = await startProxy(upstream.url, {
    actions: true,
    authorize: patientPortal<TestUser>({
      patientIdOf: (user) => user.patientId,
      writable: ['appointments', 'patients'],
    }),
  });
  reader = await startProxy(upstream.url, { actions: true, authorize: readOnly() });
  off = await startProxy(upstream.url);
});
afterAll(async () => {
  await Promise.all([staffProxy.close(), portal.close(), reader.close(), off.close()]);
  await upstream.close();
});
beforeEach(() => {
  upstream.reset();
  upstream.handler = recordHandler;
});

const staffUser = { 'x-test-user': 'staff_1' };
const patientA = { 'x-test-user': 'ann', 'x-test-patient': 'pat_a' };
const act = (
  proxy: { url: string },
  payload: unknown,
  headers: Record<string, string> = staffUser,
  raw?: string,
) =>
  send(proxy.url, '/api/clinik/actions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw ?? JSON.stringify(payload),
  });

describe('actions endpoint', () => {
  it('maps every official action to its REST call', async () => {
    const expected: Record<string, [string, string]> = {
      'patients.create': ['POST', '/v1/patients'],
      'patients.read': ['GET', '/v1/patients/pat_a'],
      'patients.update': ['PATCH', '/v1/patients/pat_a'],
      'patients.search': ['GET', '/v1/patients?name=Ann&count=5'],
      'appointments.create': ['POST', '/v1/appointments'],
      'prescriptions.create': ['POST', '/v1/prescriptions'],
      'notes.create': ['POST', '/v1/notes'],
      'observations.create': ['POST', '/v1/observations'],
      'labs.create': ['POST', '/v1/labs'],
      'conditions.create': ['POST', '/v1/conditions'],
      'allergies.create': ['POST', '/v1/allergies'],
      'immunizations.create': ['POST', '/v1/immunizations'],
      'care-plans.create': ['POST', '/v1/care-plans'],
      'goals.create': ['POST', '/v1/goals'],
      'intakes.submit': ['POST', '/v1/intakes'],
      'consents.sign': ['POST', '/v1/consents'],
    };
    expect([...ACTIONS.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [action, [method, url]] of Object.entries(expected)) {
      upstream.reset();
      upstream.handler = recordHandler;
      const data =
        action === 'patients.search'
          ? { name: 'Ann', count: 5 }
          : action.endsWith('.read')
            ? { id: 'pat_a' }
            : action.endsWith('.update')
              ? { id: 'pat_a', phone: '+1 555 0100' }
              : { patientId: 'pat_a', status: 'final' };
      const res = await act(staffProxy, { action, data });
      expect(res.status, action).toBeLessThan(300);
      expect(
        upstream.seen.map((r) => `${r.method} ${r.url}`),
        action,
      ).toEqual([`${method} ${url}`]);
    }
  });

  it('forwards data as the body, without the id on updates, and answers the { data, meta } envelope', async () => {
    const created = await act(staffProxy, {
      action: 'appointments.create',
      data: { status: 'proposed', patientId: 'pat_a', comment: 'knee' },
    });
    expect(created.status).toBe(201);
    expect(JSON.parse(upstream.seen[0]?.body ?? '')).toEqual({
      status: 'proposed',
      patientId: 'pat_a',
      comment: 'knee',
    });
    expect(created.json()).toMatchObject({ data: { id: 'new_1', comment: 'knee' }, meta: {} });
    upstream.reset();
    upstream.handler = recordHandler;
    const updated = await act(staffProxy, {
      action: 'patients.update',
      data: { id: 'pat_a', firstName: 'Anne' },
    });
    expect(updated.status).toBe(200);
    expect(upstream.seen[0]?.body).toBe('{"firstName":"Anne"}');
    expect(upstream.seen[0]?.headers['content-type']).toBe('application/json');
    expect(updated.json()).toMatchObject({ data: { id: 'pat_a', firstName: 'Anne' } });
  });

  it("keeps the contract's error body (code, requestId, issues) of the data API", async () => {
    upstream.handler = (_req, res) =>
      sendJson(res, 422, {
        error: 'VALIDATION_ERROR',
        message: 'Validation failed',
        code: '422',
        requestId: 'req_upstream',
        issues: [{ severity: 'error', code: 'required', diagnostics: 'lastName is required' }],
      });
    const res = await act(staffProxy, { action: 'patients.create', data: { firstName: 'A' } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      error: 'VALIDATION_ERROR',
      message: 'Validation failed',
      code: '422',
      requestId: 'req_upstream',
      issues: [{ severity: 'error', code: 'required', diagnostics: 'lastName is required' }],
    });
  });

  it('audits the action with the route it ran as', async () => {
    const before = staffProxy.audit.events.length;
    await act(staffProxy, { action: 'patients.read', data: { id: 'pat_b' } });
    await until(() => staffProxy.audit.events.length > before);
    expect(staffProxy.audit.events.at(-1)).toMatchObject({
      action: 'patients.read',
      method: 'GET',
      route: '/v1/patients/:id',
      resourceId: 'pat_b',
      status: 200,
    });
  });
});

describe('actions of a patient-portal user', () => {
  it("cannot read, update or book for another patient's record", async () => {
    const read = await act(portal, { action: 'patients.read', data: { id: 'pat_b' } }, patientA);
    expect(read.status).toBe(404);
    expect(read.json()).toMatchObject({ error: 'NOT_FOUND', code: '404' });
    const update = await act(
      portal,
      { action: 'patients.update', data: { id: 'pat_b', phone: '0' } },
      patientA,
    );
    expect(update.status).toBe(404);
    const book = await act(
      portal,
      { action: 'appointments.create', data: { status: 'proposed', patientId: 'pat_b' } },
      patientA,
    );
    expect(book.status).toBe(403);
    const note = await act(
      portal,
      { action: 'notes.create', data: { patientId: 'pat_a', status: 'current' } },
      patientA,
    );
    expect(note.status).toBe(403);
    // A search cannot be narrowed to one patient on /patients: refused, not widened.
    const search = await act(portal, { action: 'patients.search', data: {} }, patientA);
    expect(search.status).toBe(403);
    expect(upstream.seen.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(upstream.seen.map((r) => r.url)).not.toContain('/v1/patients/pat_b');
  });

  it('can act on their own record', async () => {
    const read = await act(portal, { action: 'patients.read', data: { id: 'pat_a' } }, patientA);
    expect(read.status).toBe(200);
    const book = await act(
      portal,
      { action: 'appointments.create', data: { status: 'proposed', patientId: 'pat_a' } },
      patientA,
    );
    expect(book.status).toBe(201);
  });

  it('readOnly() lets read actions through and refuses writes', async () => {
    expect((await act(reader, { action: 'patients.read', data: { id: 'pat_a' } })).status).toBe(
      200,
    );
    const write = await act(reader, { action: 'patients.create', data: { firstName: 'A' } });
    expect(write.status).toBe(403);
  });
});

describe('hostile and malformed actions', () => {
  it.each([
    ['an unknown action', { action: 'patients.delete', data: { id: 'pat_a' } }, 'UNKNOWN_ACTION'],
    ['a prototype key', { action: '__proto__', data: {} }, 'UNKNOWN_ACTION'],
    ['toString', { action: 'toString', data: {} }, 'UNKNOWN_ACTION'],
    ['a non-string action', { action: ['patients.read'], data: {} }, 'BAD_REQUEST'],
    ['array data', { action: 'patients.create', data: [] }, 'BAD_REQUEST'],
    ['no id', { action: 'patients.read', data: {} }, 'BAD_REQUEST'],
    ['a traversal id', { action: 'patients.read', data: { id: '../admin' } }, 'BAD_REQUEST'],
    ['an id with a query', { action: 'patients.read', data: { id: 'a?x=1' } }, 'BAD_REQUEST'],
    ['an unknown search parameter', { action: 'patients.search', data: { x: 1 } }, 'BAD_REQUEST'],
    ['an object search value', { action: 'patients.search', data: { name: {} } }, 'BAD_REQUEST'],
  ])('answers 400 to %s without echoing it', async (_, payload, error) => {
    const res = await act(staffProxy, payload);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ error, code: '400' });
    expect(res.text).not.toContain('admin');
    expect(res.text).not.toContain('patients.delete');
    expect(upstream.seen).toHaveLength(0);
  });

  it('answers 400 INVALID_JSON, 415 for non-JSON, 405 for GET', async () => {
    expect((await act(staffProxy, null, staffUser, '{"action":')).json()).toMatchObject({
      error: 'INVALID_JSON',
    });
    const form = await send(staffProxy.url, '/api/clinik/actions', {
      method: 'POST',
      headers: { ...staffUser, 'content-type': 'text/plain' },
      body: '{"action":"patients.read","data":{"id":"pat_a"}}',
    });
    expect(form.status).toBe(415);
    const get = await send(staffProxy.url, '/api/clinik/actions', { headers: staffUser });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(upstream.seen).toHaveLength(0);
  });

  it('refuses cross-site posts (CSRF) and unauthenticated users', async () => {
    const forged = await act(
      staffProxy,
      { action: 'patients.update', data: { id: 'pat_a', phone: '0' } },
      { ...staffUser, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    );
    expect(forged.status).toBe(403);
    const anonymous = await act(staffProxy, { action: 'patients.read', data: { id: 'pat_a' } }, {});
    expect(anonymous.status).toBe(401);
    expect(upstream.seen).toHaveLength(0);
  });

  it('is off unless enabled', async () => {
    const res = await act(off, { action: 'patients.read', data: { id: 'pat_a' } });
    expect(res.status).toBe(404);
    expect(upstream.seen).toHaveLength(0);
  });
});
