import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../events.js';
import type { RequestLogEntry } from '../logger.js';
import { jsonLineLogger } from '../logger.js';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
const lines: string[] = [];
beforeAll(async () => {
  t = await startTestSandbox({ logger: jsonLineLogger((line) => lines.push(line)) });
});
afterAll(() => t.close());

describe('request logs', () => {
  it('writes one JSON line per request with the route template and no values, keys or bodies', async () => {
    const key = await t.keyFor(t.newOrg());
    const created = await t.request('POST', '/v1/patients', {
      key,
      body: { firstName: 'Secretname', lastName: 'Hiddenfamily', email: 'private@example.com' },
    });
    const id = created.body.data.id;
    await t.request('GET', `/v1/patients/${id}?name=Secretname`, { key });
    await t.request('GET', '/v1/patients?email=private%40example.com', { key });
    await t.request('GET', '/v1/patients', { key: 'clk_test_WRONGKEYWRONGKEYWRONG' });

    const entries = lines.map((l) => JSON.parse(l) as RequestLogEntry & { msg: string });
    const requests = entries.filter((e) => e.msg === 'request');
    expect(requests.map((e) => [e.method, e.route, e.status])).toEqual([
      ['POST', '/v1/patients', 201],
      ['GET', '/v1/patients/:id', 200],
      ['GET', '/v1/patients', 200],
      ['GET', '/v1/patients', 401],
    ]);
    for (const entry of requests) {
      expect(entry.requestId).toMatch(/^req_/);
      expect(typeof entry.durationMs).toBe('number');
    }
    const all = lines.join('\n');
    for (const secret of ['Secretname', 'Hiddenfamily', 'private', id, key, 'WRONGKEY']) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('change events', () => {
  it('emits created, updated and deleted with ids only, including the slot a booking changes', async () => {
    const org = t.newOrg();
    const key = await t.keyFor(org);
    const events: ChangeEvent[] = [];
    const unsubscribe = t.sandbox.onChange((e) => events.push(e));
    const post = async (path: string, body: unknown) =>
      (await t.request('POST', `/v1/${path}`, { key, body })).body.data.id as string;

    const scheduleId = await post('schedules', { actorIds: ['prac-1'] });
    const slotId = await post('slots', {
      scheduleId,
      status: 'free',
      start: '2026-07-01T09:00:00Z',
      end: '2026-07-01T09:15:00Z',
    });
    const appointmentId = await post('appointments', {
      status: 'booked',
      patientId: 'p-1',
      slotId,
    });
    await t.request('DELETE', `/v1/appointments/${appointmentId}`, { key });
    unsubscribe();
    await post('goals', {
      lifecycleStatus: 'active',
      description: 'after unsubscribe',
      patientId: 'p-1',
    });

    const base = { tenant: org, environment: 'test' };
    expect(events).toEqual([
      { ...base, resource: 'schedules', event: 'schedule', id: scheduleId, action: 'created' },
      { ...base, resource: 'slots', event: 'slot', id: slotId, action: 'created' },
      { ...base, resource: 'slots', event: 'slot', id: slotId, action: 'updated' },
      {
        ...base,
        resource: 'appointments',
        event: 'appointment',
        id: appointmentId,
        action: 'created',
      },
      { ...base, resource: 'slots', event: 'slot', id: slotId, action: 'updated' },
      {
        ...base,
        resource: 'appointments',
        event: 'appointment',
        id: appointmentId,
        action: 'deleted',
      },
    ]);
  });
});

describe('request ids', () => {
  it("takes a caller's X-Request-Id of the form req_... (the proxy's), and ignores any other", async () => {
    const key = await t.keyFor(t.newOrg());
    const own = 'req_0123456789abcdef0123456789abcdef';
    const adopted = await t.request('GET', '/v1/patients', {
      key,
      headers: { 'x-request-id': own },
    });
    expect(adopted.headers.get('x-request-id')).toBe(own);
    expect(adopted.body.meta.requestId).toBe(own);
    for (const foreign of ['abc', 'req_<script>', `req_${'a'.repeat(65)}`]) {
      const res = await t.request('GET', '/v1/patients', {
        key,
        headers: { 'x-request-id': foreign },
      });
      expect(res.headers.get('x-request-id')).toMatch(/^req_[0-9a-f]{24}$/);
      expect(res.body.meta.requestId).toBe(res.headers.get('x-request-id'));
    }
  });
});
