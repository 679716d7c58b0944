import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../time/format.js';
import { defaultVitalsMessages as m } from '../vitalsMessages.js';
import {
  ENTERED_VITALS,
  type EntryContext,
  emptyEntry,
  entryBodies,
  readEntry,
  type VitalsEntryValues,
} from './entry.js';
import { rangesFor } from './ranges.js';

const NY = 'America/New_York';
const NOW = new Date('2026-06-15T14:00:00Z'); // 10:00 in New York

const context = (overrides: Partial<EntryContext> = {}): EntryContext => ({
  timeZone: NY,
  locale: 'en-US',
  now: NOW,
  messages: m,
  vitals: ENTERED_VITALS,
  bmi: true,
  latestHeight: () => undefined,
  ...overrides,
});

const entry = (values: Partial<VitalsEntryValues>): VitalsEntryValues => ({
  ...emptyEntry('2026-06-15T09:30', {
    bodyTemperature: '[degF]',
    bodyHeight: 'ft_in',
    bodyWeight: '[lb_av]',
  }),
  ...values,
});

/** The fixture the sandbox's observation test proves valid FHIR R4 (one full US-units entry). */
const fixture = JSON.parse(
  readFileSync(
    resolve(
      import.meta.dirname,
      '../../../../sandbox/src/engine/adapters/observation.vitals.fixture.json',
    ),
    'utf8',
  ),
) as { bodies: Record<string, unknown>[] };

const US_ENTRY = entry({
  systolic: '142',
  diastolic: '88',
  heartRate: '72',
  respiratoryRate: '16',
  bodyTemperature: '100.4',
  oxygenSaturation: '97',
  bodyHeightFeet: '5',
  bodyHeight: '10',
  bodyWeight: '154',
});

describe('readEntry + entryBodies', () => {
  it('turns one US-units entry into the coded Observations of the fixture (BP as one panel, BMI computed)', () => {
    const read = readEntry(US_ENTRY, context());
    expect(read.errors).toEqual({});
    const ranges = rangesFor(
      '1980-02-29',
      new Date(read.effectiveDateTime as string),
      NY,
      undefined,
    );
    expect(ranges.adult).toBe(true);
    const bodies = entryBodies(
      read,
      {
        patientId: '{patientId}',
        performerId: '{performerId}',
        ranges: ranges.ranges,
        formatWhen: (iso) => formatDateTime(iso, { timeZone: NY, locale: 'en-US' }),
      },
      m,
      'en-US',
    );
    expect(bodies.map((b) => b.vital)).toEqual([...ENTERED_VITALS, 'bmi']);
    // The BMI's derivedFromIds are added once its weight and height are stored (the form's test).
    const { derivedFromIds, ...unlinked } = fixture.bodies.at(-1) as Record<string, unknown>;
    expect(derivedFromIds).toEqual(['{weightId}', '{heightId}']);
    expect(bodies.map((b) => b.body)).toEqual([...fixture.bodies.slice(0, -1), unlinked]);
    expect(JSON.stringify(bodies)).not.toMatch(/120\/80|mmHg"?\s*$/);
  });

  it('refuses implausible values with their bounds in the unit typed, and hints at °F typed as °C', () => {
    const read = readEntry(
      entry({
        bodyTemperature: '98.6',
        bodyTemperatureUnit: 'Cel',
        heartRate: '720',
        bodyWeight: '1500',
      }),
      context(),
    );
    expect(read.errors.bodyTemperature).toBe(
      'Temperature must be between 25.0 °C and 45.0 °C. Check the value and its unit. This looks like °F: pick °F as the unit.',
    );
    expect(read.errors.heartRate).toBe(
      'Heart rate must be between 20 /min and 300 /min. Check the value and its unit.',
    );
    expect(read.errors.bodyWeight).toBe(
      'Weight must be between 0.7 lb and 1102.3 lb. Check the value and its unit.',
    );
  });

  it('asks for both pressures, systolic above diastolic, numbers with the precision of their unit', () => {
    expect(readEntry(entry({ systolic: '120' }), context()).errors).toEqual({
      diastolic: 'Enter both systolic and diastolic pressure',
    });
    expect(readEntry(entry({ systolic: '80', diastolic: '120' }), context()).errors).toEqual({
      systolic: 'Systolic must be higher than diastolic',
    });
    const errors = readEntry(
      entry({
        heartRate: '72.5',
        oxygenSaturation: 'ninety',
        bodyWeight: '70.25',
        bodyWeightUnit: 'kg',
      }),
      context(),
    ).errors;
    expect(errors).toEqual({
      heartRate: 'Heart rate must be a whole number',
      oxygenSaturation: 'Oxygen saturation (SpO₂) must be a number, e.g. 72 or 37.5',
      bodyWeight: 'Weight takes at most 1 decimal place',
    });
    expect(readEntry(entry({ bodyHeightFeet: '5', bodyHeight: '13' }), context()).errors).toEqual({
      bodyHeight: 'Inches must be below 12 (enter the feet separately)',
    });
  });

  it('reads the time in the practice zone: refuses a missing or skipped time and the future', () => {
    const hr = { heartRate: '70' };
    expect(readEntry(entry({ ...hr, effectiveDateTime: '' }), context()).errors).toEqual({
      effectiveDateTime: 'Enter when the vitals were measured',
    });
    expect(
      readEntry(entry({ ...hr, effectiveDateTime: '2026-03-08T02:30' }), context()).errors,
    ).toEqual({
      effectiveDateTime:
        'This time does not exist in America/New_York (the clocks moved forward): enter another time',
    });
    expect(
      readEntry(entry({ ...hr, effectiveDateTime: '2026-06-15T10:30' }), context()).errors,
    ).toEqual({ effectiveDateTime: 'The time of measurement is in the future' });
    // 09:30 in New York is 13:30Z whatever the runtime's zone.
    expect(readEntry(entry(hr), context()).effectiveDateTime).toBe('2026-06-15T09:30:00-04:00');
    expect(readEntry(entry(hr), context({ timeZone: 'Asia/Kolkata' })).effectiveDateTime).toBe(
      '2026-06-15T09:30:00+05:30',
    );
  });

  it('computes BMI from a weight alone with the latest height recorded before the measurement', () => {
    const heights: string[] = [];
    const read = readEntry(
      entry({ bodyWeight: '70.0', bodyWeightUnit: 'kg' }),
      context({
        latestHeight: (at) => {
          heights.push(new Date(at).toISOString());
          return { value: 175, effectiveDateTime: '2026-03-01T10:00:00-05:00', id: 'h1' };
        },
      }),
    );
    expect(heights).toEqual(['2026-06-15T13:30:00.000Z']);
    expect(read.bmi).toEqual({
      value: 22.9,
      weightKg: 70,
      heightCm: 175,
      heightFrom: '2026-03-01T10:00:00-05:00',
      heightId: 'h1',
    });
    const [, bmi] = entryBodies(
      read,
      {
        patientId: 'p1',
        ranges: {},
        formatWhen: (iso) => formatDateTime(iso, { timeZone: NY, locale: 'en-US' }),
      },
      m,
      'en-US',
    );
    expect(bmi?.body.note).toMatch(
      /^Calculated from body weight 70\.0 kg and the latest body height 175\.0 cm \(measured Sun, Mar 1, 2026, 10:00\sAM EST\)\.$/,
    );
    // No height anywhere: no BMI, and the form says why.
    const none = readEntry(entry({ bodyWeight: '70', bodyWeightUnit: 'kg' }), context());
    expect(none.bmi).toBeUndefined();
    expect(none.bmiWithoutHeight).toBe(true);
  });

  it('flags against adult ranges only for adults; an app’s own ranges apply to anyone', () => {
    const at = new Date('2026-06-15T13:30:00Z');
    expect(rangesFor('2010-01-01', at, NY, undefined)).toEqual({ ranges: {}, adult: false });
    expect(rangesFor(undefined, at, NY, undefined).adult).toBe(false);
    // 18 on the day of measurement in New York.
    expect(rangesFor('2008-06-15', at, NY, undefined).adult).toBe(true);
    const child = rangesFor('2020-01-01', at, NY, { heartRate: { low: 80, high: 140 }, bmi: null });
    expect(child.ranges).toEqual({ heartRate: { low: 80, high: 140 }, bmi: undefined });
  });
});
