import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { patientPortal, readOnly } from './policies/policies.js';
import {
  envelope,
  type FakeUpstream,
  sendJson,
  startUpstream,
  TEST_KEY,
  type UpstreamHandler,
} from './test/fake-upstream.js';
import { send, until } from './test/http.js';
import { recordHandler } from './test/record-upstream.js';
import { asUser, startProxy, type TestUser } from './test/setup-proxy.js';

let upstream: FakeUpstream;
let staffProxy: Awaited<ReturnType<typeof startProxy>>;
let portal: Awaited<ReturnType<typeof startProxy>>;
let readonly: Awaited<ReturnType<typeof startProxy>>;

beforeAll(async () => {
  upstream = await startUpstream();
  staffProxy = await startProxy(upstream.url);
  portal = await startProxy(upstream.url, {
    authorize: patientPortal<TestUser>({
      patientIdOf: (user) => user.patientId,
      writable: ['appointments'],
    }),
  });
  readonly = await startProxy(upstream.url, { authorize: readOnly() });
});
afterAll(async () => {
  await Promise.all([staffProxy.close(), portal.close(), readonly.close()]);
  await upstream.close();
});
beforeEach(() => {
  upstream.reset();
  upstream.handler = recordHandler;
});

const patientA = asUser('user_a', { 'x-test-patient': 'pat_a' });
const json = { 'content-type': 'application/json' };

describe('authentication and authorization', () => {
  it('answers 401 without a user, with the contract body', async () => {
    const res = await send(staffProxy.url, '/api/clinik/v1/patients');
    expect(res.status).toBe(401);
    expect(res.json()).toMatchObject({ error: 'UNAUTHORIZED', code: '401' });
    expect(upstream.seen).toHaveLength(0);
  });

  it('lets staff read and write with the injected key', async () => {
    const res = await send(staffProxy.url, '/api/clinik/v1/patients/pat_b', { headers: asUser() });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ data: { id: 'pat_b' } });
    expect(upstream.seen[0]?.headers['x-api-key']).toBe(TEST_KEY);
    const del = await send(staffProxy.url, '/api/clinik/v1/appointments/apt_b', {
      method: 'DELETE',
      headers: asUser(),
    });
    expect(del.status).toBe(204);
  });

  it('readOnly() answers 403 to writes and lets reads through', async () => {
    const write = await send(readonly.url, '/api/clinik/v1/patients', {
      method: 'POST',
      headers: { ...asUser(), ...json },
      body: '{"firstName":"A","lastName":"B"}',
    });
    expect(write.status).toBe(403);
    expect(write.json()).toMatchObject({ error: 'FORBIDDEN', code: '403' });
    expect(
      (await send(readonly.url, '/api/clinik/v1/patients', { headers: asUser() })).status,
    ).toBe(200);
    expect(upstream.seen.map((r) => r.method)).toEqual(['GET']);
  });

  it('answers 405 for methods no route accepts', async () => {
    const res = await send(staffProxy.url, '/api/clinik/v1/patients', {
      method: 'PUT',
      headers: asUser(),
    });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, POST');
  });
});

describe('patientPortal()', () => {
  it('forces patientId on searches, whatever the client asked for', async () => {
    const res = await send(portal.url, '/api/clinik/v1/appointments?patientId=pat_b', {
      headers: patientA,
    });
    expect(res.status).toBe(200);
    expect(upstream.seen[0]?.url).toBe('/v1/appointments?patientId=pat_a');
    const page = res.json().data as { data: { id: string }[] };
    expect(page.data.map((a) => a.id)).toEqual(['apt_a']);
  });

  it('reads its own records and answers 404 for another patient', async () => {
    expect(
      (await send(portal.url, '/api/clinik/v1/appointments/apt_a', { headers: patientA })).status,
    ).toBe(200);
    const other = await send(portal.url, '/api/clinik/v1/appointments/apt_b', {
      headers: patientA,
    });
    expect(other.status).toBe(404);
    expect(other.json()).toMatchObject({ error: 'NOT_FOUND', code: '404' });
    expect(other.text).not.toContain('pat_b');
    expect(
      (await send(portal.url, '/api/clinik/v1/patients/pat_a', { headers: patientA })).status,
    ).toBe(200);
    const otherPatient = await send(portal.url, '/api/clinik/v1/patients/pat_b', {
      headers: patientA,
    });
    expect(otherPatient.status).toBe(404);
    // The other patient's record was never even fetched.
    expect(upstream.seen.map((r) => r.url)).not.toContain('/v1/patients/pat_b');
  });

  it('drops conditional headers on ownership-checked reads, so a 304 cannot skip the check', async () => {
    await send(portal.url, '/api/clinik/v1/appointments/apt_b', {
      headers: { ...patientA, 'if-none-match': '"etag-of-b"' },
    });
    expect(upstream.seen[0]?.headers['if-none-match']).toBeUndefined();
  });

  it('refuses searches it cannot narrow and routes outside the resources', async () => {
    expect((await send(portal.url, '/api/clinik/v1/patients', { headers: patientA })).status).toBe(
      403,
    );
    expect(
      (await send(portal.url, '/api/clinik/v1/practitioners/doc_1', { headers: patientA })).status,
    ).toBe(200);
    expect(
      (await send(portal.url, '/api/clinik/v1/appointments', { headers: asUser('nobody') })).status,
    ).toBe(403);
  });

  it('creates only for itself and updates only its own records', async () => {
    const own = await send(portal.url, '/api/clinik/v1/appointments', {
      method: 'POST',
      headers: { ...patientA, ...json },
      body: JSON.stringify({ status: 'proposed', patientId: 'pat_a' }),
    });
    expect(own.status).toBe(201);
    const forOther = await send(portal.url, '/api/clinik/v1/appointments', {
      method: 'POST',
      headers: { ...patientA, ...json },
      body: JSON.stringify({ status: 'proposed', patientId: 'pat_b' }),
    });
    expect(forOther.status).toBe(403);

    upstream.reset();
    upstream.handler = recordHandler;
    const patchOther = await send(portal.url, '/api/clinik/v1/appointments/apt_b', {
      method: 'PATCH',
      headers: { ...patientA, ...json },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(patchOther.status).toBe(404);
    expect(upstream.seen.map((r) => r.method)).toEqual(['GET']);

    const notJson = await send(portal.url, '/api/clinik/v1/appointments', {
      method: 'POST',
      headers: { ...patientA, ...json },
      body: '{"patientId":',
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json()).toMatchObject({ error: 'INVALID_JSON' });

    const moveToOther = await send(portal.url, '/api/clinik/v1/appointments/apt_a', {
      method: 'PATCH',
      headers: { ...patientA, ...json },
      body: JSON.stringify({ patientId: 'pat_b' }),
    });
    expect(moveToOther.status).toBe(403);

    const patchOwn = await send(portal.url, '/api/clinik/v1/appointments/apt_a', {
      method: 'PATCH',
      headers: { ...patientA, ...json },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(patchOwn.status).toBe(200);
    expect(patchOwn.json()).toMatchObject({ data: { status: 'cancelled' } });
    const deleteOwn = await send(portal.url, '/api/clinik/v1/appointments/apt_a', {
      method: 'DELETE',
      headers: patientA,
    });
    expect(deleteOwn.status).toBe(403);
  });
});

describe('patientPortal() writes and record versions', () => {
  // The upstream as a race would look: the appointment was patient A's at the ownership check
  // (version 7), then moved to patient B (version 8) before the write arrived.
  const racingHandler: UpstreamHandler = (req, res) => {
    if (req.method === 'GET') {
      sendJson(res, 200, envelope({ id: 'apt_a', patientId: 'pat_a', status: 'booked' }), {
        etag: 'W/"7"',
      });
      return;
    }
    if (req.headers['if-match'] !== 'W/"8"') {
      sendJson(res, 412, {
        error: 'PRECONDITION_FAILED',
        message: 'The record has changed since that version was read',
        code: '412',
      });
      return;
    }
    sendJson(res, 200, envelope({ id: 'apt_a', patientId: 'pat_b', status: 'cancelled' }));
  };

  it('writes only the version whose owner it checked: a record moved meanwhile is not written', async () => {
    upstream.handler = racingHandler;
    const res = await send(portal.url, '/api/clinik/v1/appointments/apt_a', {
      method: 'PATCH',
      headers: { ...patientA, ...json },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(res.status).toBe(412);
    expect(res.json()).toMatchObject({ error: 'PRECONDITION_FAILED', code: '412' });
    expect(upstream.seen.map((r) => [r.method, r.headers['if-match']])).toEqual([
      ['GET', undefined],
      ['PATCH', 'W/"7"'],
    ]);
  });

  it("keeps the client's own If-Match, and never sends it on the ownership read", async () => {
    upstream.handler = racingHandler;
    await send(portal.url, '/api/clinik/v1/appointments/apt_a', {
      method: 'PATCH',
      headers: { ...patientA, ...json, 'if-match': 'W/"5"' },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(upstream.seen.map((r) => [r.method, r.headers['if-match']])).toEqual([
      ['GET', undefined],
      ['PATCH', 'W/"5"'],
    ]);
  });

  it('does not forward an upstream ETag that is not an entity tag as If-Match', async () => {
    upstream.handler = (req, res) =>
      req.method === 'GET'
        ? sendJson(res, 200, envelope({ id: 'apt_a', patientId: 'pat_a' }), { etag: 'W/7, x' })
        : sendJson(res, 200, envelope({ id: 'apt_a', patientId: 'pat_a' }));
    await send(portal.url, '/api/clinik/v1/appointments/apt_a', {
      method: 'PATCH',
      headers: { ...patientA, ...json },
      body: JSON.stringify({ status: 'cancelled' }),
    });
    expect(upstream.seen[1]?.headers['if-match']).toBeUndefined();
  });

  it('staff writes carry If-Match through unchanged and add none of their own', async () => {
    await send(staffProxy.url, '/api/clinik/v1/patients/pat_a', {
      method: 'PATCH',
      headers: { ...asUser('staff_1'), ...json, 'if-match': 'W/"3"' },
      body: JSON.stringify({ firstName: 'Anna' }),
    });
    await send(staffProxy.url, '/api/clinik/v1/patients/pat_a', {
      method: 'DELETE',
      headers: asUser('staff_1'),
    });
    expect(upstream.seen.map((r) => [r.method, r.headers['if-match']])).toEqual([
      ['PATCH', 'W/"3"'],
      ['DELETE', undefined],
    ]);
  });
});

describe('query narrowing from a custom authorize', () => {
  it('forces the query on searches and holds single records to it', async () => {
    const doctor = await startProxy(upstream.url, {
      authorize: ({ method }) => method === 'GET' && { query: { practitionerId: 'doc_1' } },
    });
    try {
      const search = await send(doctor.url, '/api/clinik/v1/appointments?practitionerId=doc_2', {
        headers: asUser(),
      });
      expect(search.status).toBe(200);
      expect(upstream.seen[0]?.url).toBe('/v1/appointments?practitionerId=doc_1');
      const own = await send(doctor.url, '/api/clinik/v1/appointments/apt_a', {
        headers: asUser(),
      });
      expect(own.status).toBe(200);
      const other = await send(doctor.url, '/api/clinik/v1/appointments/apt_b', {
        headers: asUser(),
      });
      expect(other.status).toBe(404);
      // Patients cannot be searched by practitionerId: the narrowing cannot hold, so 403.
      const patients = await send(doctor.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(patients.status).toBe(403);
    } finally {
      await doctor.close();
    }
  });
});

describe('key injection', () => {
  it('calls a key function per request, so a rotated key is used without restart', async () => {
    let current = 'clk_test_firstkey0000000';
    const rotating = await startProxy(upstream.url, { apiKey: () => Promise.resolve(current) });
    try {
      await send(rotating.url, '/api/clinik/v1/patients', { headers: asUser() });
      current = 'clk_test_secondkey000000';
      await send(rotating.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(upstream.seen.map((r) => r.headers['x-api-key'])).toEqual([
        'clk_test_firstkey0000000',
        'clk_test_secondkey000000',
      ]);
      current = 'not-a-key';
      const bad = await send(rotating.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(bad.status).toBe(500);
      expect(bad.text).not.toContain('not-a-key');
      expect(rotating.log.text()).not.toContain('not-a-key');
    } finally {
      await rotating.close();
    }
  });
});

describe('key rotation and leaks', () => {
  it('still withholds a response that echoes the previous key after a rotation', async () => {
    let current = 'clk_test_oldrotatedkey000';
    const rotating = await startProxy(upstream.url, { apiKey: () => current });
    try {
      expect(
        (await send(rotating.url, '/api/clinik/v1/patients', { headers: asUser() })).status,
      ).toBe(200);
      current = 'clk_test_newrotatedkey000';
      // A misbehaving upstream (or cache) echoes the old key in a response to a request made with the new one.
      upstream.handler = (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { note: 'clk_test_oldrotatedkey000' }, meta: {} }));
      };
      const leaked = await send(rotating.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(leaked.status).toBe(502);
      expect(leaked.text).not.toContain('oldrotatedkey');
      expect(rotating.log.text()).not.toContain('oldrotatedkey');
    } finally {
      upstream.handler = recordHandler;
      await rotating.close();
    }
  });
});

describe('audit', () => {
  it('emits one event and one log line per request, without query values, bodies, cookies or the key', async () => {
    const before = staffProxy.audit.events.length;
    await send(staffProxy.url, '/api/clinik/v1/appointments?patientId=SECRET_QUERY', {
      headers: { ...asUser('user_7'), cookie: 'sid=SECRET_COOKIE' },
    });
    await send(staffProxy.url, '/api/clinik/v1/appointments/apt_a', {
      method: 'PATCH',
      headers: { ...asUser('user_7'), ...json },
      body: JSON.stringify({ comment: 'SECRET_BODY' }),
    });
    await until(() => staffProxy.audit.events.length >= before + 2);
    const [search, patch] = staffProxy.audit.events.slice(before);
    expect(search).toMatchObject({
      userId: 'user_7',
      method: 'GET',
      route: '/v1/appointments',
      resourceId: null,
      status: 200,
      error: null,
    });
    expect(search?.requestId).toMatch(/^req_/);
    expect(typeof search?.durationMs).toBe('number');
    expect(patch).toMatchObject({
      route: '/v1/appointments/:id',
      resourceId: 'apt_a',
      status: 200,
    });
    const logged = staffProxy.log.text() + JSON.stringify(staffProxy.audit.events);
    for (const secret of ['SECRET_QUERY', 'SECRET_COOKIE', 'SECRET_BODY', TEST_KEY]) {
      expect(logged).not.toContain(secret);
    }
    expect(
      staffProxy.log.lines.filter((l) => l.msg === 'clinik-proxy request').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('records refusals with their code', async () => {
    const before = staffProxy.audit.events.length;
    await send(staffProxy.url, '/api/clinik/v1/patients');
    await until(() => staffProxy.audit.events.length > before);
    expect(staffProxy.audit.events[before]).toMatchObject({
      userId: null,
      status: 401,
      error: 'UNAUTHORIZED',
    });
  });
});
