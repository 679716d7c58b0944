import { TZDateMini } from '@date-fns/tz/date/mini';
import { dayKeyOf, inZone, shiftDay, startOfDayIn } from '../../time/zone.js';

/** A round step near `span / count`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice =
    fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * A value axis covering `[min, max]` with round ticks (about `count` of them): the domain is
 * widened to the ticks on both sides so every value sits inside. A flat series gets a band
 * around its value.
 */
export function valueAxis(
  min: number,
  max: number,
  count = 4,
): { min: number; max: number; ticks: number[] } {
  let low = min;
  let high = max;
  if (!(high > low)) {
    const pad = Math.max(Math.abs(low) * 0.05, 1);
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, count);
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 1e6; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: start, max: end, ticks };
}

export interface TimeTick {
  at: number;
  label: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAY_STEPS = [1, 2, 7, 14] as const;
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions, at: number) {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f.format(at);
}

/**
 * Time axis ticks between `from` and `to` at round wall-clock times of the practice zone (not
 * the browser's): hours within a day or two, midnights for weeks, first days of months (or
 * years) beyond; at most about `count` of them. Labels are formatted in that zone.
 */
export function timeTicks(
  from: number,
  to: number,
  timeZone: string,
  locale: string,
  count = 5,
): TimeTick[] {
  const span = Math.max(to - from, 1);
  const ticks: TimeTick[] = [];
  if (span <= 2 * DAY) {
    const hours = [1, 2, 3, 6, 12].find((h) => span / (h * HOUR) <= count) ?? 24;
    const first = inZone(from, timeZone);
    let day = dayKeyOf(from, timeZone);
    let hour = Math.ceil((first.getHours() + first.getMinutes() / 60) / hours) * hours;
    for (let guard = 0; guard < 200; guard++) {
      if (hour >= 24) {
        day = shiftDay(day, 1);
        hour = 0;
      }
      const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
      const at = new TZDateMini(y, mo - 1, d, hour, 0, 0, timeZone).getTime();
      if (at > to) break;
      if (at >= from) {
        ticks.push({
          at,
          label: format(locale, timeZone, { hour: 'numeric', minute: '2-digit' }, at),
        });
      }
      hour += hours;
    }
    return ticks;
  }
  const days = DAY_STEPS.find((d) => span / (d * DAY) <= count);
  if (days !== undefined) {
    let day = dayKeyOf(from, timeZone);
    for (let guard = 0; guard < 200; guard++) {
      const at = startOfDayIn(day, timeZone).getTime();
      if (at > to) break;
      if (at >= from) {
        ticks.push({ at, label: format(locale, timeZone, { month: 'short', day: 'numeric' }, at) });
      }
      day = shiftDay(day, days);
    }
    return ticks;
  }
  const months = MONTH_STEPS.find((m) => span / (m * 30.44 * DAY) <= count) ?? 120;
  const start = inZone(from, timeZone);
  let year = start.getFullYear();
  let month = Math.ceil((start.getMonth() + (start.getDate() > 1 ? 1 : 0)) / months) * months;
  for (let guard = 0; guard < 200; guard++) {
    year += Math.floor(month / 12);
    month %= 12;
    const at = new TZDateMini(year, month, 1, timeZone).getTime();
    if (at > to) break;
    if (at >= from) {
      const options: Intl.DateTimeFormatOptions =
        months >= 12 ? { year: 'numeric' } : { month: 'short', year: 'numeric' };
      ticks.push({ at, label: format(locale, timeZone, options, at) });
    }
    month += months;
  }
  return ticks;
}

/** Linear map from a domain onto a pixel range. */
export function linear(d0: number, d1: number, r0: number, r1: number) {
  const span = d1 - d0 || 1;
  return (v: number) => r0 + ((v - d0) / span) * (r1 - r0);
}
