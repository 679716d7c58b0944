import type { MeasuredValue, VitalReading } from './observations.js';
import type { EntryUnit } from './units.js';
import { MEASURES, type ValueRange, VITALS, type VitalMeasure } from './vitalSigns.js';
import type { VitalsMessages } from './vitalsMessages.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the locale with exactly `decimals` places (`37.0`, not `37`). */
export function formatNumber(value: number, decimals: number, locale: string): string {
  const key = `${locale}|${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** The label of a UCUM unit (`mm[Hg]` -> `mmHg`); the code itself when unknown. */
export function unitLabel(code: string, messages: VitalsMessages): string {
  return messages.unitLabels[code] ?? code;
}

/** A canonical value with its unit, e.g. `37.0 °C`, `72 /min`, `98 %`. */
export function formatMeasure(
  measure: VitalMeasure,
  value: number,
  messages: VitalsMessages,
  locale: string,
): string {
  const def = MEASURES[measure];
  return `${formatNumber(value, def.decimals, locale)} ${unitLabel(def.ucum, messages)}`;
}

/** A value typed in an entry unit, e.g. `154.0 lb` or `5 ft 10.0 in`. */
export function formatEntry(
  value: number,
  unit: EntryUnit,
  messages: VitalsMessages,
  locale: string,
  feet?: number,
): string {
  if (unit === 'ft_in') {
    return `${feet ?? 0} ${messages.feet} ${formatNumber(value, 1, locale)} ${messages.inches}`;
  }
  return `${formatNumber(value, 1, locale)} ${unitLabel(unit, messages)}`;
}

/** A reference range, e.g. `60–100 /min`, `≥ 95 %`, `≤ 129 mmHg`. */
export function formatRange(
  measure: VitalMeasure,
  range: ValueRange,
  messages: VitalsMessages,
  locale: string,
): string {
  const def = MEASURES[measure];
  const n = (v: number) => formatNumber(v, def.decimals, locale);
  const unit = unitLabel(def.ucum, messages);
  if (range.low !== undefined && range.high !== undefined) {
    return `${n(range.low)}–${n(range.high)} ${unit}`;
  }
  if (range.low !== undefined) return `≥ ${n(range.low)} ${unit}`;
  if (range.high !== undefined) return `≤ ${n(range.high)} ${unit}`;
  return '';
}

/** A stored measure as shown: canonical values with their unit, others as stored. */
export function formatMeasured(
  measure: VitalMeasure,
  value: MeasuredValue,
  messages: VitalsMessages,
  locale: string,
): string {
  if (value.canonical) return formatMeasure(measure, value.value, messages, locale);
  return `${value.value} ${value.unit}`.trim();
}

/** A reading's value: `142/88 mmHg` for blood pressure, `72 /min` otherwise. */
export function formatReading(
  reading: VitalReading,
  messages: VitalsMessages,
  locale: string,
): string {
  const def = VITALS[reading.vital];
  if (def.panel) {
    const [first, second] = def.measures as [VitalMeasure, VitalMeasure];
    const a = reading.values[first];
    const b = reading.values[second];
    if (a?.canonical && b?.canonical) {
      const decimals = MEASURES[first].decimals;
      return `${formatNumber(a.value, decimals, locale)}/${formatNumber(b.value, decimals, locale)} ${unitLabel(MEASURES[first].ucum, messages)}`;
    }
    return [
      a && formatMeasured(first, a, messages, locale),
      b && formatMeasured(second, b, messages, locale),
    ]
      .filter(Boolean)
      .join(' / ');
  }
  const measure = def.measures[0] as VitalMeasure;
  const value = reading.values[measure];
  return value ? formatMeasured(measure, value, messages, locale) : '';
}

/** A flag code as words: `High`, `Low`, `Normal`, or `Flag HH` for other codes. */
export function flagLabel(code: string | undefined, messages: VitalsMessages): string {
  if (!code) return '';
  return code in messages.flagLabels
    ? messages.flagLabels[code as 'H' | 'L' | 'N']
    : messages.flagOther(code);
}
