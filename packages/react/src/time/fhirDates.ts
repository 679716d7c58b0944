import { formatCalendarDate } from './dates.js';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A FHIR `dateTime` for people, at the precision it was recorded: `2019`, `May 2019`,
 * `May 31, 2019`; an instant as its calendar date in the practice's zone.
 */
export function formatFhirDate(
  value: string | undefined,
  { locale, timeZone }: { locale: string; timeZone: string },
): string {
  if (!value) return '';
  const match = PARTIAL.exec(value);
  if (match) {
    const [, year, month, day] = match;
    if (month === undefined) return year ?? value;
    if (day === undefined) {
      return new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'long',
        timeZone: 'UTC',
      }).format(Date.UTC(Number(year), Number(month) - 1, 1));
    }
    return formatCalendarDate(value, locale);
  }
  const at = Date.parse(value);
  if (Number.isNaN(at)) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(at);
}

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real period. */
export function isPartialDate(value: string): boolean {
  const match = PARTIAL.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return Number(year) >= 1800;
  const m = Number(month);
  if (m < 1 || m > 12) return false;
  if (day === undefined) return true;
  const last = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= last;
}

/** The first day of a partial date's period, `YYYY-MM-DD`, for comparing with today. */
export function periodStart(value: string): string {
  const [year, month = '01', day = '01'] = value.split('-');
  return `${year}-${month}-${day}`;
}

/**
 * The earliest and latest instant (ms) a FHIR dateTime can mean: a partial date spans its whole
 * period in any time zone (UTC-12 to UTC+14), as core's `dateTimeBounds` (which the server
 * applies; repeated here so the form does not load core's schemas).
 */
export function dateTimeBounds(value: string): [number, number] {
  const match = PARTIAL.exec(value);
  if (!match) {
    const at = Date.parse(value);
    return [at, at];
  }
  const [, year, month, day] = match;
  const y = Number(year);
  const m = month === undefined ? undefined : Number(month) - 1;
  const start =
    m === undefined ? Date.UTC(y, 0, 1) : Date.UTC(y, m, day === undefined ? 1 : Number(day));
  const end =
    m === undefined
      ? Date.UTC(y + 1, 0, 1)
      : day === undefined
        ? Date.UTC(y, m + 1, 1)
        : Date.UTC(y, m, Number(day) + 1);
  const hour = 3_600_000;
  return [start - 14 * hour, end + 12 * hour];
}
