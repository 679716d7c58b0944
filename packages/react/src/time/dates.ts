/** Parses a `YYYY-MM-DD` calendar date; `undefined` when it is not one. */
export function parseCalendarDate(value: string | undefined) {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Today's calendar date in `timeZone` (not the browser's zone). */
export function calendarDateIn(now: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

/** Whole years between a birth date and today in the practice's time zone. */
export function ageInYears(
  birthDate: string | undefined,
  now: Date,
  timeZone: string,
): number | undefined {
  const birth = parseCalendarDate(birthDate);
  if (!birth) return undefined;
  const today = calendarDateIn(now, timeZone);
  const hadBirthday =
    today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  const age = today.year - birth.year - (hadBirthday ? 0 : 1);
  return age >= 0 ? age : undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a calendar date for people. A birth date has no time zone: it is formatted as UTC
 * midnight in UTC so no zone can shift it to the previous day.
 */
export function formatCalendarDate(value: string | undefined, locale: string): string {
  const date = parseCalendarDate(value);
  if (!date) return value ?? '';
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(locale, formatter);
  }
  return formatter.format(new Date(Date.UTC(date.year, date.month - 1, date.day)));
}
