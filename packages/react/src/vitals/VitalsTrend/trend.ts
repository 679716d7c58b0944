import { formatDateTime } from '../../time/format.js';
import { flagLabel, formatMeasure, formatRange, formatReading } from '../format.js';
import { isCurrentResult, type VitalReading } from '../observations.js';
import { type ValueRange, VITALS, type VitalKey, type VitalMeasure } from '../vitalSigns.js';
import type { VitalsMessages } from '../vitalsMessages.js';

export interface TrendPoint {
  /** Unique within the chart: `<measure>:<observation id>`. */
  key: string;
  at: number;
  value: number;
  flag: string | undefined;
  /** What a screen reader hears on the point: series, value, flag, time in the practice zone. */
  label: string;
  /** The value as shown, e.g. `142 mmHg`. */
  text: string;
  reading: VitalReading;
}

export interface TrendSeries {
  measure: VitalMeasure;
  /** `Systolic`, `Heart rate`, ... */
  label: string;
  /** Oldest first. */
  points: TrendPoint[];
  /** The reference range stored with the latest reading, drawn as a band. */
  range: ValueRange | undefined;
}

export interface VitalTrend {
  vital: VitalKey;
  title: string;
  series: TrendSeries[];
  /** Readings that stand (final, amended, corrected), oldest first: the table rows. */
  readings: VitalReading[];
  /** Readings not plotted: withdrawn, without a time, or in a unit the chart cannot convert. */
  notPlotted: number;
  /** The chart's `<desc>`: how many readings, over which period, the latest, the range. */
  description: string;
  from: number;
  to: number;
}

/**
 * The chart of one vital from its readings (any order): one series per measure (blood pressure:
 * systolic and diastolic), points at their `effectiveDateTime`, labels and description in the
 * practice zone. Withdrawn (entered-in-error), cancelled and unfinished readings are left out and
 * counted, as are values the chart cannot place on a canonical axis.
 */
export function trendOf(
  vital: VitalKey,
  readingsOfVital: readonly VitalReading[],
  messages: VitalsMessages,
  timeZone: string,
  locale: string,
): VitalTrend {
  const def = VITALS[vital];
  const when = (iso: string) => formatDateTime(iso, { timeZone, locale });
  const standing = readingsOfVital
    .filter((r) => isCurrentResult(r.status) && r.effectiveDateTime !== undefined)
    .sort(
      (a, b) =>
        Date.parse(a.effectiveDateTime as string) - Date.parse(b.effectiveDateTime as string),
    );
  const plotted = new Set<string>();
  const series: TrendSeries[] = def.measures.map((measure) => {
    const label = messages.measureLabels[measure];
    const points: TrendPoint[] = [];
    for (const reading of standing) {
      const value = reading.values[measure];
      if (!value?.canonical) continue;
      plotted.add(reading.id);
      const text = formatMeasure(measure, value.value, messages, locale);
      points.push({
        key: `${measure}:${reading.id}`,
        at: Date.parse(reading.effectiveDateTime as string),
        value: value.value,
        flag: value.flag,
        text,
        label: messages.pointLabel(
          label,
          text,
          value.flag ? flagLabel(value.flag, messages) : '',
          when(reading.effectiveDateTime as string),
        ),
        reading,
      });
    }
    const latest = [...standing].reverse().find((r) => r.values[measure]?.range);
    return { measure, label, points, range: latest?.values[measure]?.range };
  });
  const times = series.flatMap((s) => s.points.map((p) => p.at));
  const from = times.length > 0 ? Math.min(...times) : 0;
  const to = times.length > 0 ? Math.max(...times) : 0;
  const title = messages.vitalLabels[vital];
  const latest = standing.filter((r) => plotted.has(r.id)).at(-1);
  const bands = series
    .filter((s) => s.range)
    .map(
      (s) =>
        `${def.panel ? `${s.label} ` : ''}${formatRange(s.measure, s.range as ValueRange, messages, locale)}`,
    );
  const description =
    plotted.size === 0
      ? messages.noTrend(title)
      : [
          messages.trendDescription(
            title,
            plotted.size,
            when(new Date(from).toISOString()),
            when(new Date(to).toISOString()),
            latest ? formatReading(latest, messages, locale) : '',
          ),
          bands.length > 0 ? messages.referenceBand(bands.join('; ')) : '',
        ]
          .filter(Boolean)
          .join(' ');
  return {
    vital,
    title,
    series,
    readings: standing.filter((r) => plotted.has(r.id)),
    notPlotted: readingsOfVital.length - plotted.size,
    description,
    from,
    to,
  };
}
