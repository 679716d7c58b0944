import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePatient, startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe('patients over HTTP', () => {
  it('answers /health without a key', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(Number.isNaN(Date.parse(res.body.timestamp))).toBe(false);
  });

  it('creates, reads, updates and deletes a patient with envelopes', async () => {
    const key = await t.keyFor(t.newOrg());
    const input = {
      ...samplePatient(),
      address: {
        line: ['1 Main St'],
        city: 'Boston',
        state: 'MA',
        postalCode: '02101',
        country: 'US',
      },
      maritalStatus: 'married',
      contact: [{ relationship: 'spouse', firstName: 'Bob', lastName: 'L', phone: '555-0101' }],
      languages: [{ language: 'en', preferred: true }],
      generalPractitionerId: 'prac-1',
    };
    const created = await t.request('POST', '/v1/patients', { key, body: input });
    expect(created.status).toBe(201);
    const record = created.body.data;
    expect(record).toEqual({
      id: expect.any(String),
      ...input,
      fullName: 'Ada Lovelace',
      active: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(created.body.meta).toMatchObject({
      status: 201,
      requestId: expect.stringMatching(/^req_/),
    });
    expect(created.body.meta.rateLimitTotal).toBe(1000);

    const read = await t.request('GET', `/v1/patients/${record.id}`, { key });
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(record);

    const patched = await t.request('PATCH', `/v1/patients/${record.id}`, {
      key,
      body: { lastName: 'King' },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({
      lastName: 'King',
      fullName: 'Ada King',
      email: input.email,
    });
    expect(patched.body.data.createdAt).toBe(record.createdAt);

    const deleted = await t.request('DELETE', `/v1/patients/${record.id}`, { key });
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect((await t.request('GET', `/v1/patients/${record.id}`, { key })).status).toBe(404);
  });

  it('searches by partial name, email, phone, gender and active', async () => {
    const key = await t.keyFor(t.newOrg());
    for (const p of [
      samplePatient({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' }),
      samplePatient({
        firstName: 'Alan',
        lastName: 'Turing',
        gender: 'male',
        phone: '(555) 777-1234',
      }),
      samplePatient({ firstName: 'Katherine', lastName: 'Johnson', active: false }),
    ]) {
      expect((await t.request('POST', '/v1/patients', { key, body: p })).status).toBe(201);
    }
    const names = async (query: string) => {
      const res = await t.request('GET', `/v1/patients?${query}`, { key });
      expect(res.status).toBe(200);
      return (res.body.data.data as { fullName: string }[]).map((p) => p.fullName).sort();
    };
    expect(await names('name=HOP')).toEqual(['Grace Hopper']);
    expect(await names('name=ur')).toEqual(['Alan Turing']);
    expect(await names('email=GRACE%40example.com')).toEqual(['Grace Hopper']);
    expect(await names('phone=5557771234')).toEqual(['Alan Turing']);
    expect(await names('gender=male')).toEqual(['Alan Turing']);
    expect(await names('active=false')).toEqual(['Katherine Johnson']);
    expect(await names('name=%25')).toEqual([]);
    const all = await t.request('GET', '/v1/patients', { key });
    expect(all.body.data).toMatchObject({ total: 3, hasMore: false, cursor: null });
  });

  it('rejects invalid bodies with issues that do not echo values', async () => {
    const key = await t.keyFor(t.newOrg());
    const res = await t.request('POST', '/v1/patients', {
      key,
      body: { lastName: 'X', email: 'not-an-email-secret', extra: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: 'VALIDATION_ERROR', code: '422' });
    const diagnostics = res.body.issues.map((i: { diagnostics: string }) => i.diagnostics);
    expect(diagnostics).toContain('firstName is required');
    expect(JSON.stringify(res.body)).not.toContain('not-an-email-secret');
  });

  it('validates the merged record on PATCH and bumps the FHIR version', async () => {
    const key = await t.keyFor(t.newOrg());
    const appointment = await t.request('POST', '/v1/appointments', {
      key,
      body: {
        status: 'booked',
        patientId: 'p-1',
        start: '2026-05-01T10:00:00Z',
        end: '2026-05-01T10:30:00Z',
      },
    });
    const id = appointment.body.data.id;
    const backwards = await t.request('PATCH', `/v1/appointments/${id}`, {
      key,
      body: { end: '2026-05-01T09:00:00Z' },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.issues[0].diagnostics).toBe('end must be after start');
    const empty = await t.request('PATCH', `/v1/appointments/${id}`, { key, body: { status: '' } });
    expect(empty.status).toBe(422);

    const moved = await t.request('PATCH', `/v1/appointments/${id}`, {
      key,
      headers: { 'content-type': 'application/json-patch+json' },
      body: { start: '2026-05-01T11:00:00Z', end: '2026-05-01T11:30:00Z' },
    });
    expect(moved.status).toBe(200);
    const [row] = await t.sandbox.internals.db.query<{ resource: { meta: { versionId: string } } }>(
      'SELECT resource FROM resources WHERE id = $1',
      [id],
    );
    expect(row?.resource.meta.versionId).toBe('2');
  });
});
