import { MEASURES, type VitalMeasure } from './vitalSigns.js';

/**
 * Units a person may type a measure in (UCUM codes), converted to the canonical unit before
 * anything is stored. `ft_in` is feet and inches typed in two inputs (`[ft_i]` + `[in_i]`).
 */
export type TemperatureUnit = 'Cel' | '[degF]';
export type HeightUnit = 'cm' | '[in_i]' | 'ft_in';
export type WeightUnit = 'kg' | '[lb_av]';
export type EntryUnit = TemperatureUnit | HeightUnit | WeightUnit;

/** The units the form starts each convertible measure in. */
export interface VitalUnits {
  bodyTemperature: TemperatureUnit;
  bodyHeight: HeightUnit;
  bodyWeight: WeightUnit;
}

export const METRIC_UNITS: VitalUnits = {
  bodyTemperature: 'Cel',
  bodyHeight: 'cm',
  bodyWeight: 'kg',
};
export const US_UNITS: VitalUnits = {
  bodyTemperature: '[degF]',
  bodyHeight: 'ft_in',
  bodyWeight: '[lb_av]',
};

/** Entry units offered per measure (the first is the canonical one). */
export const ENTRY_UNITS: Readonly<Record<keyof VitalUnits, readonly EntryUnit[]>> = {
  bodyTemperature: ['Cel', '[degF]'],
  bodyHeight: ['cm', '[in_i]', 'ft_in'],
  bodyWeight: ['kg', '[lb_av]'],
};

/** The units of a locale's region: US customary for `en-US` (and Liberia, Myanmar), else metric. */
export function unitsForLocale(locale: string): VitalUnits {
  let region: string | undefined;
  try {
    region = new Intl.Locale(locale).maximize().region;
  } catch {
    region = undefined;
  }
  return region === 'US' || region === 'LR' || region === 'MM' ? US_UNITS : METRIC_UNITS;
}

/** Exact factors (by definition): 1 [lb_av] = 0.45359237 kg, 1 [in_i] = 2.54 cm. */
const KG_PER_LB = 0.45359237;
const CM_PER_IN = 2.54;

/**
 * Rounds half away from zero to `decimals` places, without binary floating-point artefacts
 * (`177.79999999999998` -> 177.8, `1.005` -> 1.01).
 */
export function roundTo(value: number, decimals: number): number {
  const clean = Number(value.toPrecision(12));
  const scaled = Number(`${Math.abs(clean)}e${decimals}`);
  return Math.sign(clean) * Number(`${Math.round(scaled)}e-${decimals}`);
}

/**
 * Parses a typed number: digits with an optional decimal part (`.` or `,`). `undefined` for
 * anything else (signs, exponents, spaces inside, several separators).
 */
export function parseDecimal(text: string): { value: number; decimals: number } | undefined {
  const match = /^(\d{1,6})(?:[.,](\d{1,6}))?$/.exec(text.trim());
  if (!match) return undefined;
  const decimals = match[2]?.length ?? 0;
  return { value: Number(`${match[1]}.${match[2] ?? '0'}`), decimals };
}

/**
 * A typed value in `unit` in the canonical unit (Cel, cm, kg; unrounded). For `ft_in`, `value`
 * is the inches part and `feet` the feet. Other units pass through.
 */
export function toCanonical(value: number, unit: EntryUnit | undefined, feet = 0): number {
  switch (unit) {
    case '[degF]':
      return ((value - 32) * 5) / 9;
    case '[in_i]':
      return value * CM_PER_IN;
    case 'ft_in':
      return (feet * 12 + value) * CM_PER_IN;
    case '[lb_av]':
      return value * KG_PER_LB;
    default:
      return value;
  }
}

/** The canonical value shown in `unit` (rounded for display, 1 decimal). */
export function fromCanonical(
  value: number,
  unit: EntryUnit,
): { value: number; feet?: number | undefined } {
  switch (unit) {
    case '[degF]':
      return { value: roundTo((value * 9) / 5 + 32, 1) };
    case '[in_i]':
      return { value: roundTo(value / CM_PER_IN, 1) };
    case 'ft_in': {
      const inches = roundTo(value / CM_PER_IN, 1);
      const feet = Math.floor(inches / 12);
      return { feet, value: roundTo(inches - feet * 12, 1) };
    }
    case '[lb_av]':
      return { value: roundTo(value / KG_PER_LB, 1) };
    default:
      return { value };
  }
}

/** The canonical value stored for a typed value: converted, then rounded to the measure's precision. */
export function canonicalValue(
  measure: VitalMeasure,
  value: number,
  unit: EntryUnit | undefined,
  feet = 0,
): number {
  return roundTo(toCanonical(value, unit, feet), MEASURES[measure].decimals);
}

/** True when `unit` is the measure's canonical unit (nothing to convert). */
export function isCanonicalUnit(unit: EntryUnit | undefined): boolean {
  return unit === undefined || unit === 'Cel' || unit === 'cm' || unit === 'kg';
}

/** BMI in kg/m2 from canonical weight (kg) and height (cm), to 0.1 kg/m2. */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  const metres = heightCm / 100;
  return roundTo(weightKg / (metres * metres), MEASURES.bmi.decimals);
}
