import type { Observation, Patient } from '@clinikapi/core';
import type { ChartStoryOptions } from '../../test/chartFake.js';
import { vitalBody } from '../observations.js';
import { MEASURES, type VitalKey, type VitalMeasure } from '../vitalSigns.js';

/** A fixed "now" for vitals stories: Monday 2026-06-15, 10:00 in New York. */
export const VITALS_NOW = new Date('2026-06-15T14:00:00Z');
export const VITALS_ZONE = 'America/New_York';

export const adultPatient: Patient = {
  id: 'pat-vitals-1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  fullName: 'Ada Lovelace',
  gender: 'female',
  birthDate: '1980-02-29',
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

export const childPatient: Patient = {
  ...adultPatient,
  id: 'pat-vitals-2',
  firstName: 'Tim',
  fullName: 'Tim Lovelace',
  birthDate: '2019-05-01',
};

const adultRange = (measure: VitalMeasure) => MEASURES[measure].adultRange;

let counter = 0;
/** One stored vital, as the API returns it (coded and flagged like VitalsForm writes it). */
export function storedVital(
  vital: VitalKey,
  values: Partial<Record<VitalMeasure, number>>,
  effectiveDateTime: string,
  extra: Partial<Observation> = {},
): Observation {
  counter += 1;
  const body = vitalBody({
    vital,
    values,
    ranges: Object.fromEntries(Object.keys(values).map((m) => [m, adultRange(m as VitalMeasure)])),
    patientId: adultPatient.id,
    effectiveDateTime,
  });
  return {
    ...body,
    id: `obs-${vital}-${counter}`,
    createdAt: effectiveDateTime,
    updatedAt: effectiveDateTime,
    ...extra,
  } as Observation;
}

/** Six visits over five months, with a high blood pressure, a fever and a withdrawn reading. */
export function vitalsHistory(): Observation[] {
  const visits = [
    ['2026-01-12T09:15:00-05:00', 118, 76, 68, 14, 36.8, 98, 70.5],
    ['2026-02-16T10:40:00-05:00', 124, 79, 74, 16, 37.0, 97, 71.2],
    ['2026-03-23T08:50:00-04:00', 136, 86, 82, 18, 38.4, 95, 71.0],
    ['2026-04-20T11:05:00-04:00', 131, 84, 77, 16, 36.9, 97, 70.1],
    ['2026-05-18T09:30:00-04:00', 127, 80, 71, 15, 36.7, 98, 69.6],
    ['2026-06-15T09:30:00-04:00', 142, 88, 72, 16, 38.0, 97, 69.9],
  ] as const;
  const list: Observation[] = [
    storedVital('bodyHeight', { bodyHeight: 177.8 }, '2026-01-12T09:15:00-05:00'),
  ];
  for (const [when, sys, dia, hr, rr, temp, spo2, kg] of visits) {
    list.push(
      storedVital('bloodPressure', { systolic: sys, diastolic: dia }, when),
      storedVital('heartRate', { heartRate: hr }, when),
      storedVital('respiratoryRate', { respiratoryRate: rr }, when),
      storedVital('bodyTemperature', { bodyTemperature: temp }, when),
      storedVital('oxygenSaturation', { oxygenSaturation: spo2 }, when),
      storedVital('bodyWeight', { bodyWeight: kg }, when),
      storedVital('bmi', { bmi: Math.round((kg / 1.778 ** 2) * 10) / 10 }, when),
    );
  }
  list.push(
    storedVital('heartRate', { heartRate: 172 }, '2026-05-18T09:31:00-04:00', {
      status: 'entered-in-error',
    }),
  );
  return list;
}

export interface VitalsStoryOptions extends Omit<ChartStoryOptions, 'seed'> {
  /** Defaults to `adultPatient` alone. */
  patients?: Patient[];
  /** Defaults to none. */
  observations?: () => Observation[];
}

/** A vitals story on the chart fake: `patients` and their `observations`, New York, `VITALS_NOW`. */
export function vitalsStory({
  patients = [adultPatient],
  observations,
  ...options
}: VitalsStoryOptions = {}): ChartStoryOptions {
  return {
    timeZone: VITALS_ZONE,
    now: VITALS_NOW,
    ...options,
    seed: () => ({ patients, observations: observations?.() ?? [] }),
  };
}
