import type { ObservationCreate } from '@clinikapi/core';
import { bmiNoteFor } from '../bmi.js';
import { formatEntry, formatMeasure, formatNumber } from '../format.js';
import { vitalBody } from '../observations.js';
import { fromWallClockInput } from '../practiceTime.js';
import {
  bodyMassIndex,
  canonicalValue,
  type EntryUnit,
  fromCanonical,
  type HeightUnit,
  isCanonicalUnit,
  parseDecimal,
  type TemperatureUnit,
  type VitalUnits,
  type WeightUnit,
} from '../units.js';
import { MEASURES, type ValueRange, type VitalKey, type VitalMeasure } from '../vitalSigns.js';
import type { VitalsMessages } from '../vitalsMessages.js';

/** The inputs of the vitals entry form, in the order errors are focused. */
export const ENTRY_FIELDS = [
  'effectiveDateTime',
  'systolic',
  'diastolic',
  'heartRate',
  'respiratoryRate',
  'bodyTemperature',
  'oxygenSaturation',
  'bodyHeightFeet',
  'bodyHeight',
  'bodyWeight',
] as const;

export type EntryField = (typeof ENTRY_FIELDS)[number];

/** What the inputs hold: typed text (empty when not measured) and the chosen units. */
export interface VitalsEntryValues {
  /** `datetime-local` wall-clock time in the practice zone. */
  effectiveDateTime: string;
  systolic: string;
  diastolic: string;
  heartRate: string;
  respiratoryRate: string;
  bodyTemperature: string;
  bodyTemperatureUnit: TemperatureUnit;
  oxygenSaturation: string;
  /** Feet, when height is typed in feet and inches. */
  bodyHeightFeet: string;
  /** Height in `bodyHeightUnit` (the inches part for `ft_in`). */
  bodyHeight: string;
  bodyHeightUnit: HeightUnit;
  bodyWeight: string;
  bodyWeightUnit: WeightUnit;
}

/** The vitals a person types (BMI is computed). */
export const ENTERED_VITALS = [
  'bloodPressure',
  'heartRate',
  'respiratoryRate',
  'bodyTemperature',
  'oxygenSaturation',
  'bodyHeight',
  'bodyWeight',
] as const satisfies readonly VitalKey[];

export type EnteredVital = (typeof ENTERED_VITALS)[number];

/** The inputs holding each entered vital. */
export const FIELDS_OF: Readonly<Record<EnteredVital, readonly EntryField[]>> = {
  bloodPressure: ['systolic', 'diastolic'],
  heartRate: ['heartRate'],
  respiratoryRate: ['respiratoryRate'],
  bodyTemperature: ['bodyTemperature'],
  oxygenSaturation: ['oxygenSaturation'],
  bodyHeight: ['bodyHeightFeet', 'bodyHeight'],
  bodyWeight: ['bodyWeight'],
};

export function emptyEntry(effectiveDateTime: string, units: VitalUnits): VitalsEntryValues {
  return {
    effectiveDateTime,
    systolic: '',
    diastolic: '',
    heartRate: '',
    respiratoryRate: '',
    bodyTemperature: '',
    bodyTemperatureUnit: units.bodyTemperature,
    oxygenSaturation: '',
    bodyHeightFeet: '',
    bodyHeight: '',
    bodyHeightUnit: units.bodyHeight,
    bodyWeight: '',
    bodyWeightUnit: units.bodyWeight,
  };
}

/** The entry unit of a measure's input (undefined: the canonical unit, no choice). */
export function unitOfMeasure(
  values: VitalsEntryValues,
  measure: VitalMeasure,
): EntryUnit | undefined {
  if (measure === 'bodyTemperature') return values.bodyTemperatureUnit;
  if (measure === 'bodyHeight') return values.bodyHeightUnit;
  if (measure === 'bodyWeight') return values.bodyWeightUnit;
  return undefined;
}

/** Whether anything was typed for a vital. */
export function isEntered(values: VitalsEntryValues, vital: EnteredVital): boolean {
  return FIELDS_OF[vital].some((field) => values[field].trim() !== '');
}

export type MeasureCheck =
  | { ok: true; value: number; typed: string }
  | { ok: false; field: EntryField; message: string };

/**
 * One typed measure, checked and converted: a number, with no more decimals than its unit
 * takes (the canonical precision for canonical units, 2 places for others), within the
 * plausible bounds after conversion (a value typed in the wrong unit is refused with a hint),
 * and for feet and inches, inches below 12. `value` is canonical and rounded to its precision.
 */
export function checkMeasure(
  measure: VitalMeasure,
  text: string,
  unit: EntryUnit | undefined,
  messages: VitalsMessages,
  locale: string,
  feetText = '',
): MeasureCheck {
  const def = MEASURES[measure];
  const label = messages.measureLabels[measure];
  const field: EntryField =
    measure === 'bodyHeight' && unit === 'ft_in' && !text.trim()
      ? 'bodyHeightFeet'
      : (measure as EntryField);
  let feet = 0;
  if (unit === 'ft_in') {
    const parsedFeet = feetText.trim() ? parseDecimal(feetText) : { value: 0, decimals: 0 };
    if (!parsedFeet)
      return { ok: false, field: 'bodyHeightFeet', message: messages.notANumber(messages.feet) };
    if (parsedFeet.decimals > 0) {
      return {
        ok: false,
        field: 'bodyHeightFeet',
        message: messages.tooManyDecimals(messages.feet, 0),
      };
    }
    feet = parsedFeet.value;
  }
  const parsed = text.trim()
    ? parseDecimal(text)
    : unit === 'ft_in'
      ? { value: 0, decimals: 0 }
      : undefined;
  if (!parsed) return { ok: false, field, message: messages.notANumber(label) };
  const allowed = isCanonicalUnit(unit) ? def.decimals : 2;
  if (parsed.decimals > allowed) {
    return { ok: false, field, message: messages.tooManyDecimals(label, allowed) };
  }
  if (unit === 'ft_in' && parsed.value >= 12) {
    return { ok: false, field: 'bodyHeight', message: messages.inchesBelowTwelve };
  }
  const value = canonicalValue(measure, parsed.value, unit, feet);
  if (value < def.plausible.low || value > def.plausible.high) {
    const bound = (v: number) =>
      unit && !isCanonicalUnit(unit)
        ? (() => {
            const shown = fromCanonical(v, unit);
            return formatEntry(shown.value, unit, messages, locale, shown.feet);
          })()
        : formatMeasure(measure, v, messages, locale);
    let message = messages.implausible(label, bound(def.plausible.low), bound(def.plausible.high));
    if (measure === 'bodyTemperature' && unit === 'Cel') {
      const asF = canonicalValue(measure, parsed.value, '[degF]');
      if (asF >= def.plausible.low && asF <= def.plausible.high) {
        message = `${message} ${messages.looksLikeFahrenheit}`;
      }
    }
    return { ok: false, field, message };
  }
  const typed =
    unit === 'ft_in'
      ? formatEntry(parsed.value, unit, messages, locale, feet)
      : unit && !isCanonicalUnit(unit)
        ? formatEntry(parsed.value, unit, messages, locale)
        : formatNumber(parsed.value, def.decimals, locale);
  return { ok: true, value, typed };
}

export interface EntryContext {
  timeZone: string;
  locale: string;
  now: Date;
  messages: VitalsMessages;
  /** The vitals the form shows (others are ignored). */
  vitals: readonly EnteredVital[];
  /** The latest recorded height at or before a time (canonical cm, its Observation id), for BMI. */
  latestHeight: (
    atOrBefore: number,
  ) => { value: number; effectiveDateTime: string; id: string } | undefined;
  /** Whether BMI is computed and recorded with a weight. */
  bmi: boolean;
}

export interface ReadEntry {
  errors: Partial<Record<EntryField, string>>;
  /** The instant of measurement, when valid. */
  effectiveDateTime?: string | undefined;
  /** Canonical values of the measures typed (valid ones). */
  values: Partial<Record<VitalMeasure, number>>;
  /** The vitals typed, in chart order. */
  entered: EnteredVital[];
  /**
   * The BMI to record with the weight, and where its height came from: typed in this entry, or a
   * recorded height (`heightFrom` its time, `heightId` its Observation id).
   */
  bmi?:
    | {
        value: number;
        weightKg: number;
        heightCm: number;
        heightFrom?: string | undefined;
        heightId?: string | undefined;
      }
    | undefined;
  /** The weight was typed but no height is entered or recorded: no BMI. */
  bmiWithoutHeight: boolean;
}

/**
 * Reads and checks the whole entry (the form's `check`): every typed vital, both blood
 * pressures or neither, systolic above diastolic, a time that exists in the practice zone and is
 * not in the future, and a plausible BMI. Pure: the same inputs give the same errors.
 */
export function readEntry(values: VitalsEntryValues, context: EntryContext): ReadEntry {
  const { messages, locale } = context;
  const errors: Partial<Record<EntryField, string>> = {};
  const canonical: Partial<Record<VitalMeasure, number>> = {};
  const entered = context.vitals.filter((vital) => isEntered(values, vital));

  const take = (measure: VitalMeasure, text: string, feetText?: string) => {
    const result = checkMeasure(
      measure,
      text,
      unitOfMeasure(values, measure),
      messages,
      locale,
      feetText,
    );
    if (result.ok) canonical[measure] = result.value;
    else errors[result.field] ??= result.message;
  };

  for (const vital of entered) {
    if (vital === 'bloodPressure') {
      const sys = values.systolic.trim();
      const dia = values.diastolic.trim();
      if (!sys) errors.systolic = messages.bothPressures;
      else take('systolic', sys);
      if (!dia) errors.diastolic = messages.bothPressures;
      else take('diastolic', dia);
      if (
        canonical.systolic !== undefined &&
        canonical.diastolic !== undefined &&
        canonical.systolic <= canonical.diastolic
      ) {
        errors.systolic = messages.systolicAboveDiastolic;
      }
    } else if (vital === 'bodyHeight') {
      take('bodyHeight', values.bodyHeight, values.bodyHeightFeet);
    } else {
      take(vital, values[vital]);
    }
  }

  let effectiveDateTime: string | undefined;
  let at = context.now.getTime();
  if (entered.length > 0) {
    const time = fromWallClockInput(values.effectiveDateTime, context.timeZone);
    if (!time.ok) {
      errors.effectiveDateTime =
        time.reason === 'nonexistent'
          ? messages.timeMissingInZone(context.timeZone)
          : messages.timeRequired;
    } else if (time.millis > context.now.getTime() + 60_000) {
      errors.effectiveDateTime = messages.timeInFuture;
    } else {
      effectiveDateTime = time.iso;
      at = time.millis;
    }
  }

  let bmi: ReadEntry['bmi'];
  let bmiWithoutHeight = false;
  const weightKg = canonical.bodyWeight;
  if (context.bmi && weightKg !== undefined) {
    const typedHeight = canonical.bodyHeight;
    const recorded =
      typedHeight === undefined && !entered.includes('bodyHeight')
        ? context.latestHeight(at)
        : undefined;
    const heightCm = typedHeight ?? recorded?.value;
    if (heightCm === undefined) {
      bmiWithoutHeight = !entered.includes('bodyHeight');
    } else {
      const value = bodyMassIndex(weightKg, heightCm);
      const plausible = MEASURES.bmi.plausible;
      if (value < plausible.low || value > plausible.high) {
        errors.bodyWeight ??= messages.bmiImplausible(formatNumber(value, 1, locale));
      } else {
        bmi = {
          value,
          weightKg,
          heightCm,
          heightFrom: recorded?.effectiveDateTime,
          heightId: recorded?.id,
        };
      }
    }
  }
  return { errors, effectiveDateTime, values: canonical, entered, bmi, bmiWithoutHeight };
}

export interface EntryTarget {
  patientId: string;
  performerId?: string | undefined;
  encounterId?: string | undefined;
  /** The reference range each measure is judged by (none: no flag). */
  ranges: Partial<Record<VitalMeasure, ValueRange | undefined>>;
  /** Formats the BMI's height time for its note. */
  formatWhen: (iso: string) => string;
}

/**
 * One Observation to create per vital typed, plus the BMI; blood pressure as one panel. The BMI's
 * `derivedFromIds` are added by the form once its weight and height are stored.
 */
export function entryBodies(
  read: ReadEntry,
  target: EntryTarget,
  messages: VitalsMessages,
  locale: string,
): { vital: VitalKey; body: ObservationCreate }[] {
  const effectiveDateTime = read.effectiveDateTime;
  if (!effectiveDateTime) return [];
  const common = {
    patientId: target.patientId,
    performerId: target.performerId,
    encounterId: target.encounterId,
    effectiveDateTime,
    ranges: target.ranges,
  };
  const bodies: { vital: VitalKey; body: ObservationCreate }[] = read.entered.map((vital) => ({
    vital,
    body: vitalBody({ ...common, vital, values: read.values }),
  }));
  if (read.bmi) {
    const { weightKg, heightCm, heightFrom } = read.bmi;
    bodies.push({
      vital: 'bmi',
      body: vitalBody({
        ...common,
        vital: 'bmi',
        values: { bmi: read.bmi.value },
        note: bmiNoteFor(
          weightKg,
          heightCm,
          heightFrom ? target.formatWhen(heightFrom) : undefined,
          messages,
          locale,
        ),
      }),
    });
  }
  return bodies;
}
