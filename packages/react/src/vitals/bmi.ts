import type { Observation, ObservationCreate } from '@clinikapi/core';
import { formatMeasure } from './format.js';
import {
  flagOf,
  interpretationCoding,
  isCurrentResult,
  quantityOf,
  readingOf,
  type VitalReading,
} from './observations.js';
import { bodyMassIndex } from './units.js';
import type { ValueRange } from './vitalSigns.js';
import type { VitalsMessages } from './vitalsMessages.js';

/**
 * A BMI's `note`: the weight (kg) and height (cm) it was computed from, and when the height was
 * measured if it is a recorded one (`heightWhen`, already formatted).
 */
export function bmiNoteFor(
  weightKg: number,
  heightCm: number,
  heightWhen: string | undefined,
  messages: VitalsMessages,
  locale: string,
): string {
  return messages.bmiNote(
    formatMeasure('bodyWeight', weightKg, messages, locale),
    formatMeasure('bodyHeight', heightCm, messages, locale),
    heightWhen,
  );
}

/**
 * The value of a BMI (LOINC 39156-5) computed from a body weight in kg and a body height in cm:
 * `value` in kg/m2 to 0.1, `valueQuantity` as stored (UCUM `kg/m2`) and, when `range` is given,
 * the HL7 v3 `interpretation` (H, L, N) recomputed against it.
 */
export function bmiValue(weightKg: number, heightCm: number, range: ValueRange | undefined) {
  const value = bodyMassIndex(weightKg, heightCm);
  const flag = flagOf(value, range);
  return {
    value,
    valueQuantity: quantityOf('bmi', value),
    ...(flag ? { interpretation: interpretationCoding(flag) } : {}),
  };
}

/** The range a BMI body was flagged against (our bodies store one range in kg/m2). */
export function bmiRangeOfBody(body: ObservationCreate): ValueRange | undefined {
  const stored = Array.isArray(body.referenceRange) ? body.referenceRange[0] : body.referenceRange;
  if (!stored) return undefined;
  return { low: stored.low?.value, high: stored.high?.value };
}

/**
 * A BMI create body recomputed from another weight or height: value, flag (against the range it
 * carries) and `note` replaced; everything else (patient, time, range) kept.
 */
export function rebuiltBmi(
  body: ObservationCreate,
  weightKg: number,
  heightCm: number,
  note: string,
): ObservationCreate {
  const { interpretation: _old, ...rest } = body;
  const { value: _value, ...fields } = bmiValue(weightKg, heightCm, bmiRangeOfBody(body));
  return { ...rest, ...fields, note };
}

/**
 * The BMI readings of `patientId` that were computed from the Observation `sourceId` (their
 * `derivedFromIds`, FHIR `Observation.derivedFrom`) and still stand (final, amended, corrected).
 */
export function bmisDerivedFrom(
  observations: readonly Observation[],
  sourceId: string,
  patientId: string,
): VitalReading[] {
  return observations
    .filter(
      (o) =>
        o.patientId === patientId &&
        o.id !== sourceId &&
        (o.derivedFromIds ?? []).includes(sourceId) &&
        isCurrentResult(o.status),
    )
    .map(readingOf)
    .filter((r): r is VitalReading => r?.vital === 'bmi');
}
