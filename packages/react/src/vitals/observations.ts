import type { Observation, ObservationCreate, ObservationStatus } from '@clinikapi/core';
import { roundTo, toCanonical } from './units.js';
import {
  INTERPRETATION_SYSTEM,
  MEASURES,
  measureOfCode,
  UCUM_SYSTEM,
  type ValueRange,
  VITAL_SIGNS_CATEGORY,
  VITALS,
  type VitalKey,
  type VitalMeasure,
  vitalOfCode,
} from './vitalSigns.js';

/** The HL7 v3 ObservationInterpretation codes this domain writes: high, low, normal. */
export type Flag = 'H' | 'L' | 'N';

const FLAG_DISPLAY: Record<Flag, string> = { H: 'High', L: 'Low', N: 'Normal' };

/** A UCUM quantity of a measure in its canonical unit (FHIR `valueQuantity`). */
export interface VitalQuantity {
  value: number;
  unit: string;
  system: typeof UCUM_SYSTEM;
  code: string;
}

export function quantityOf(measure: VitalMeasure, value: number): VitalQuantity {
  const def = MEASURES[measure];
  return { value, unit: def.unit, system: UCUM_SYSTEM, code: def.ucum };
}

/**
 * The flag of a canonical value against a reference range: `H` above `high`, `L` below `low`,
 * `N` within; `undefined` when there is no range to judge by.
 */
export function flagOf(value: number, range: ValueRange | undefined): Flag | undefined {
  if (!range || (range.low === undefined && range.high === undefined)) return undefined;
  if (range.high !== undefined && value > range.high) return 'H';
  if (range.low !== undefined && value < range.low) return 'L';
  return 'N';
}

/** `interpretation` as stored: an HL7 v3 ObservationInterpretation coding. */
export function interpretationCoding(flag: Flag) {
  return { system: INTERPRETATION_SYSTEM, code: flag, display: FLAG_DISPLAY[flag] };
}

/** `referenceRange` as stored: UCUM quantities in the measure's unit. */
export function referenceRangeOf(measure: VitalMeasure, range: ValueRange) {
  return {
    ...(range.low === undefined ? {} : { low: quantityOf(measure, range.low) }),
    ...(range.high === undefined ? {} : { high: quantityOf(measure, range.high) }),
  };
}

/** The value, flag and range of one measure, as `valueQuantity` (or a component) carries them. */
function measured(measure: VitalMeasure, value: number, range: ValueRange | undefined) {
  const flag = flagOf(value, range);
  return {
    valueQuantity: quantityOf(measure, value),
    ...(flag && range
      ? {
          interpretation: interpretationCoding(flag),
          referenceRange: referenceRangeOf(measure, range),
        }
      : {}),
  };
}

export interface VitalBodyInput {
  vital: VitalKey;
  /** Canonical values of the vital's measures (rounded to their precision). */
  values: Partial<Record<VitalMeasure, number>>;
  /** The reference range each measure is judged by; none means no flag. */
  ranges: Partial<Record<VitalMeasure, ValueRange | undefined>>;
  patientId: string;
  /** ISO 8601 with the practice zone's offset. */
  effectiveDateTime: string;
  performerId?: string | undefined;
  encounterId?: string | undefined;
  note?: string | undefined;
}

/**
 * The simplified create body of one vital: category `vital-signs`, status `final`, the LOINC
 * code, the value in its canonical UCUM unit with its flag (`interpretation`) and the range it
 * was judged by (`referenceRange`); blood pressure as the 85354-9 panel with systolic (8480-6)
 * and diastolic (8462-4) components, each flagged on its own.
 */
export function vitalBody(input: VitalBodyInput): ObservationCreate {
  const def = VITALS[input.vital];
  const value = (measure: VitalMeasure) => {
    const v = input.values[measure];
    if (v === undefined) throw new RangeError(`${measure} has no value`);
    return v;
  };
  const single = def.measures[0] as VitalMeasure;
  return {
    status: 'final',
    category: VITAL_SIGNS_CATEGORY,
    code: { ...def.coding },
    patientId: input.patientId,
    ...(input.encounterId ? { encounterId: input.encounterId } : {}),
    ...(input.performerId ? { performerId: input.performerId } : {}),
    effectiveDateTime: input.effectiveDateTime,
    ...(def.panel
      ? {
          component: def.measures.map((m) => ({
            code: { ...MEASURES[m].coding },
            ...measured(m, value(m), input.ranges[m]),
          })),
        }
      : measured(single, value(single), input.ranges[single])),
    ...(input.note ? { note: input.note } : {}),
  };
}

/** One measure of a stored vital, as shown. */
export interface MeasuredValue {
  /** In the canonical unit when it could be read as one (`canonical`), else as stored. */
  value: number;
  /** The stored human-readable unit (or UCUM code). */
  unit: string;
  /** True when `value` is in the measure's canonical unit (charts only plot these). */
  canonical: boolean;
  /** The stored interpretation code (`H`, `L`, `N`, or another v3 code), if any. */
  flag?: string | undefined;
  /** The stored reference range (canonical unit), if any. */
  range?: ValueRange | undefined;
}

/** A stored vital-sign Observation, read for lists and charts. */
export interface VitalReading {
  id: string;
  vital: VitalKey;
  status: ObservationStatus;
  /** When it was measured (ISO 8601); `undefined` when the record has no time. */
  effectiveDateTime: string | undefined;
  values: Partial<Record<VitalMeasure, MeasuredValue>>;
  note?: string | undefined;
  observation: Observation;
}

type Coded = Observation['code'];
type StoredQuantity = NonNullable<Observation['valueQuantity']>;
type StoredRange = NonNullable<Observation['referenceRange']>;

const loincOf = (code: Coded | undefined): string | undefined =>
  typeof code === 'object' && code.system === 'http://loinc.org' ? code.code : undefined;

const flagCode = (interpretation: Observation['interpretation']): string | undefined =>
  typeof interpretation === 'string' ? interpretation : interpretation?.code;

/** Stored units this domain can read into the canonical one. */
const READABLE_UNITS: Record<string, Parameters<typeof toCanonical>[1]> = {
  '[degF]': '[degF]',
  '[in_i]': '[in_i]',
  '[lb_av]': '[lb_av]',
};

function canonicalOf(measure: VitalMeasure, quantity: StoredQuantity | undefined) {
  if (!quantity || typeof quantity.value !== 'number') return undefined;
  const def = MEASURES[measure];
  if (quantity.code === def.ucum) return { value: quantity.value, canonical: true };
  const from = quantity.code ? READABLE_UNITS[quantity.code] : undefined;
  if (from) {
    return { value: roundTo(toCanonical(quantity.value, from), def.decimals), canonical: true };
  }
  return { value: quantity.value, canonical: false };
}

function rangeOf(measure: VitalMeasure, stored: StoredRange | undefined): ValueRange | undefined {
  const first = Array.isArray(stored) ? stored[0] : stored;
  if (!first) return undefined;
  const bound = (q: StoredQuantity | undefined) => {
    const read = canonicalOf(measure, q);
    return read?.canonical ? read.value : undefined;
  };
  const range = { low: bound(first.low), high: bound(first.high) };
  return range.low === undefined && range.high === undefined ? undefined : range;
}

function measuredOf(
  measure: VitalMeasure,
  source: {
    valueQuantity?: StoredQuantity | undefined;
    interpretation?: Observation['interpretation'];
    referenceRange?: StoredRange | undefined;
  },
): MeasuredValue | undefined {
  const read = canonicalOf(measure, source.valueQuantity);
  if (!read) return undefined;
  return {
    value: read.value,
    unit: read.canonical ? MEASURES[measure].unit : (source.valueQuantity?.unit ?? ''),
    canonical: read.canonical,
    flag: flagCode(source.interpretation),
    range: rangeOf(measure, source.referenceRange),
  };
}

/**
 * Reads a stored Observation as one of our vitals: LOINC-coded (never free text), category
 * `vital-signs` (or none), with its values. `undefined` for anything else (labs, text codes).
 */
export function readingOf(observation: Observation): VitalReading | undefined {
  if (observation.category !== undefined && observation.category !== VITAL_SIGNS_CATEGORY) {
    return undefined;
  }
  const vital = vitalOfCode(loincOf(observation.code));
  if (!vital) return undefined;
  const values: VitalReading['values'] = {};
  if (VITALS[vital].panel) {
    for (const component of observation.component ?? []) {
      const measure = measureOfCode(loincOf(component.code));
      if (!measure || !VITALS[vital].measures.includes(measure)) continue;
      const value = measuredOf(measure, component);
      if (value) values[measure] = value;
    }
  } else {
    const measure = vital as VitalMeasure;
    const value = measuredOf(measure, observation);
    if (value) values[measure] = value;
  }
  return {
    id: observation.id,
    vital,
    status: observation.status,
    effectiveDateTime: observation.effectiveDateTime,
    values,
    note: observation.note,
    observation,
  };
}

/** Statuses whose values stand (chart, BMI, "latest"): not withdrawn or unfinished. */
export function isCurrentResult(status: ObservationStatus): boolean {
  return status === 'final' || status === 'amended' || status === 'corrected';
}
