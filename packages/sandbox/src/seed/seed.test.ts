import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';
import { zonedDateTime } from './time-zone.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe('zonedDateTime', () => {
  it('uses the zone offset of that date, across daylight-saving changes', () => {
    expect(zonedDateTime('2026-01-15', '09:00', 'America/New_York')).toBe(
      '2026-01-15T09:00:00-05:00',
    );
    expect(zonedDateTime('2026-07-15', '09:00', 'America/New_York')).toBe(
      '2026-07-15T09:00:00-04:00',
    );
    expect(zonedDateTime('2026-07-15', '09:30', 'Asia/Kolkata')).toBe('2026-07-15T09:30:00+05:30');
  });
});

describe('seed', () => {
  it('creates a deterministic practice with free slots in clinic hours of its time zone', async () => {
    const options = {
      patients: 12,
      practitioners: 2,
      weeks: 1,
      startDate: '2026-03-02',
      seedValue: 7,
    };
    const orgA = t.newOrg();
    const orgB = t.newOrg();
    const result = await t.sandbox.seed({ ...options, org: orgA, timeZone: 'America/Chicago' });
    await t.sandbox.seed({ ...options, org: orgB, timeZone: 'America/Chicago' });
    expect(result).toMatchObject({
      patients: 12,
      practitioners: 2,
      schedules: 2,
      slots: 2 * 5 * 14,
    });
    expect(result.observations).toBeGreaterThanOrEqual(12 * 3);

    const keyA = await t.keyFor(orgA);
    const keyB = await t.keyFor(orgB);
    const names = async (key: string) =>
      (
        (await t.request('GET', '/v1/patients?count=100', { key })).body.data.data as {
          fullName: string;
        }[]
      )
        .map((p) => p.fullName)
        .sort();
    expect(await names(keyA)).toEqual(await names(keyB));

    const slots = await t.request('GET', '/v1/slots?sort=date&count=100', { key: keyA });
    const starts = (slots.body.data.data as { start: string }[]).map((s) => s.start);
    expect(starts[0]).toBe('2026-03-02T09:00:00-06:00');
    for (const start of starts) expect(start).toMatch(/T(09|1[0-6]):(00|30):00-06:00$/);

    const busy = await t.request('GET', '/v1/slots?status=busy', { key: keyA });
    const booked = await t.request('GET', '/v1/appointments?status=booked', { key: keyA });
    expect(busy.body.data.total).toBe(booked.body.data.total);
    const vitals = await t.request('GET', '/v1/observations?count=1', { key: keyA });
    expect(vitals.body.data.data[0]).toMatchObject({ category: 'vital-signs', status: 'final' });
  });
});
