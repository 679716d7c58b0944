import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirR4Errors } from '../test/fhir-validator.js';
import { type ApiResponse, startTestSandbox, type TestSandbox } from '../test/harness.js';
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

interface Quantity {
  value: number;
  system: string;
  code: string;
}
interface SeededObservation {
  id: string;
  patientId: string;
  effectiveDateTime: string;
  category: string;
  status: string;
  code: { system: string; code: string };
  valueString?: string;
  valueQuantity?: Quantity;
  component?: { code: { code: string }; valueQuantity: Quantity }[];
}

describe('seeded vital signs', () => {
  it('are LOINC-coded with UCUM quantities (BP as the 85354-9 panel), valid FHIR R4, BMI from weight and an adult height', async () => {
    const org = t.newOrg();
    await t.sandbox.seed({
      org,
      patients: 15,
      practitioners: 1,
      weeks: 1,
      startDate: '2026-03-02',
    });
    const key = await t.keyFor(org);
    const patients = (await t.request('GET', '/v1/patients?count=100', { key })).body.data.data as {
      id: string;
      birthDate: string;
    }[];
    const observations: SeededObservation[] = [];
    let cursor: string | null = null;
    do {
      const page: ApiResponse = await t.request(
        'GET',
        `/v1/observations?count=100${cursor ? `&cursor=${cursor}` : ''}`,
        {
          key,
        },
      );
      observations.push(...page.body.data.data);
      cursor = page.body.data.hasMore ? page.body.data.cursor : null;
    } while (cursor);
    const UCUM = 'http://unitsofmeasure.org';
    const units: Record<string, string> = {
      '8867-4': '/min',
      '29463-7': 'kg',
      '8302-2': 'cm',
      '39156-5': 'kg/m2',
    };
    for (const o of observations) {
      expect(o).toMatchObject({ category: 'vital-signs', status: 'final' });
      expect(o.code.system).toBe('http://loinc.org');
      expect(o.valueString).toBeUndefined();
      if (o.code.code === '85354-9') {
        expect(o.valueQuantity).toBeUndefined();
        expect(
          (o.component ?? []).map((c) => [
            c.code.code,
            c.valueQuantity.code,
            c.valueQuantity.system,
          ]),
        ).toEqual([
          ['8480-6', 'mm[Hg]', UCUM],
          ['8462-4', 'mm[Hg]', UCUM],
        ]);
      } else {
        expect(o.valueQuantity).toMatchObject({ system: UCUM, code: units[o.code.code] });
      }
    }
    // Heights and BMIs for adults only; BMI = weight / height² of the same visit.
    const byVisit = new Map<string, SeededObservation[]>();
    for (const o of observations) {
      const visit = `${o.patientId}|${o.effectiveDateTime}`;
      byVisit.set(visit, [...(byVisit.get(visit) ?? []), o]);
    }
    let adults = 0;
    for (const [visit, list] of byVisit) {
      const [patientId, when] = visit.split('|') as [string, string];
      const born = Number(patients.find((p) => p.id === patientId)?.birthDate.slice(0, 4));
      const value = (code: string) => list.find((o) => o.code.code === code)?.valueQuantity?.value;
      if (Number(when.slice(0, 4)) - born > 18) {
        adults += 1;
        const bmi = (value('29463-7') as number) / ((value('8302-2') as number) / 100) ** 2;
        expect(value('39156-5')).toBeCloseTo(bmi, 1);
      } else {
        expect(value('8302-2')).toBeUndefined();
        expect(value('39156-5')).toBeUndefined();
      }
    }
    expect(adults).toBeGreaterThan(0);
    for (const code of ['85354-9', '8867-4', '29463-7', '8302-2', '39156-5']) {
      const o = observations.find((x) => x.code.code === code) as SeededObservation;
      const fhir = (await t.request('GET', `/v1/fhir/Observation/${o.id}`, { key })).body;
      expect(fhirR4Errors(fhir), code).toEqual([]);
    }
  });
});
