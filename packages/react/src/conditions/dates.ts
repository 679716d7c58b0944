import { formatCalendarDate } from '../time/dates.js';

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
