import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

async function setup() {
  const key = await t.keyFor(t.newOrg());
  const post = async (path: string, body: unknown) => {
    const res = await t.request('POST', `/v1/${path}`, { key, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data as { id: string } & Record<string, unknown>;
  };
  const practitioner = await post('practitioners', { firstName: 'Meredith', lastName: 'Grey' });
  const patient = await post('patients', { firstName: 'Ada', lastName: 'Lovelace' });
  const schedule = await post('schedules', { actorIds: [practitioner.id] });
  const slot = await post('slots', {
    scheduleId: schedule.id,
    status: 'free',
    start: '2026-05-04T09:00:00-04:00',
    end: '2026-05-04T09:30:00-04:00',
  });
  const booking = {
    status: 'booked',
    patientId: patient.id,
    practitionerId: practitioner.id,
    slotId: slot.id,
    start: '2026-05-04T09:00:00-04:00',
    end: '2026-05-04T09:30:00-04:00',
  };
  const slotStatus = async () =>
    (await t.request('GET', `/v1/slots/${slot.id}`, { key })).body.data.status as string;
  return { key, post, practitioner, patient, schedule, slot, booking, slotStatus };
}

describe('slot booking', () => {
  it('marks the slot busy, answers 409 to a second booking and frees it on cancel', async () => {
    const { key, booking, slotStatus } = await setup();
    const first = await t.request('POST', '/v1/appointments', { key, body: booking });
    expect(first.status).toBe(201);
    expect(await slotStatus()).toBe('busy');

    const second = await t.request('POST', '/v1/appointments', { key, body: booking });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('CONFLICT');

    const cancelled = await t.request('PATCH', `/v1/appointments/${first.body.data.id}`, {
      key,
      body: { status: 'cancelled', cancelationReason: 'patient request' },
    });
    expect(cancelled.status).toBe(200);
    expect(await slotStatus()).toBe('free');
    expect((await t.request('POST', '/v1/appointments', { key, body: booking })).status).toBe(201);
  });

  it('lets exactly one of two racing bookings win', async () => {
    const { key, booking, slot, slotStatus } = await setup();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.request('POST', '/v1/appointments', { key, body: booking }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    expect(await slotStatus()).toBe('busy');
    const booked = await t.request('GET', `/v1/appointments?slotId=${slot.id}`, { key });
    expect(booked.body.data.total).toBe(1);
  });

  it('frees the slot when the appointment is deleted and refuses unknown slots', async () => {
    const { key, booking, slotStatus } = await setup();
    const created = await t.request('POST', '/v1/appointments', { key, body: booking });
    await t.request('DELETE', `/v1/appointments/${created.body.data.id}`, { key });
    expect(await slotStatus()).toBe('free');
    const unknown = await t.request('POST', '/v1/appointments', {
      key,
      body: { ...booking, slotId: 'no-such-slot' },
    });
    expect(unknown.status).toBe(422);
  });

  it("cannot book another tenant's slot", async () => {
    const { booking } = await setup();
    const otherKey = await t.keyFor(t.newOrg());
    const res = await t.request('POST', '/v1/appointments', { key: otherKey, body: booking });
    expect(res.status).toBe(422);
  });
});

describe('clinical search', () => {
  it('filters by patientId, status, practitionerId, scheduleId and date range, and sorts', async () => {
    const { key, post, patient, practitioner, schedule } = await setup();
    const other = await post('patients', { firstName: 'Alan', lastName: 'Turing' });
    const days = ['2026-06-01', '2026-06-02', '2026-06-03'];
    for (const [i, day] of days.entries()) {
      await post('appointments', {
        status: i === 2 ? 'cancelled' : 'booked',
        patientId: i === 1 ? other.id : patient.id,
        practitionerId: practitioner.id,
        start: `${day}T10:00:00Z`,
        end: `${day}T10:30:00Z`,
      });
    }
    const search = async (query: string) => {
      const res = await t.request('GET', `/v1/appointments?${query}`, { key });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.data.data as { start: string }[]).map((a) => a.start.slice(0, 10));
    };
    expect(await search(`patientId=${patient.id}&sort=date`)).toEqual(['2026-06-01', '2026-06-03']);
    expect(await search('status=cancelled')).toEqual(['2026-06-03']);
    expect(await search('dateFrom=2026-06-02&dateTo=2026-06-03&sort=-date')).toEqual([
      '2026-06-03',
      '2026-06-02',
    ]);
    expect(await search(`practitionerId=${practitioner.id}&dateFrom=2026-06-01&sort=date`)).toEqual(
      days,
    );

    const slots = await t.request('GET', `/v1/slots?practitionerId=${practitioner.id}`, { key });
    expect(slots.body.data.total).toBe(1);
    const bySchedule = await t.request('GET', `/v1/slots?scheduleId=${schedule.id}&status=free`, {
      key,
    });
    expect(bySchedule.body.data.total).toBe(1);

    for (const bad of ['dateFrom=yesterday', 'sort=name', 'patientId=a%20b']) {
      const res = await t.request('GET', `/v1/appointments?${bad}`, { key });
      expect(res.status).toBe(422);
      expect(res.body.error).toBe('VALIDATION_ERROR');
    }
  });

  it('matches status against clinicalStatus and lifecycleStatus where FHIR names it so', async () => {
    const { key, post, patient } = await setup();
    await post('conditions', { code: 'Asthma', patientId: patient.id, clinicalStatus: 'active' });
    await post('conditions', { code: 'Flu', patientId: patient.id, clinicalStatus: 'resolved' });
    await post('goals', {
      lifecycleStatus: 'completed',
      description: 'Quit smoking',
      patientId: patient.id,
    });
    const codes = async (query: string) =>
      (
        (await t.request('GET', query, { key })).body.data.data as {
          code?: string;
          description?: string;
        }[]
      ).map((r) => r.code ?? r.description);
    expect(await codes(`/v1/conditions?patientId=${patient.id}&status=resolved`)).toEqual(['Flu']);
    expect(await codes('/v1/goals?status=completed')).toEqual(['Quit smoking']);
    expect(await codes('/v1/goals?status=active')).toEqual([]);
  });
});
