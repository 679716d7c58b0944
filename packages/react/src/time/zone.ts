import type { TZDate } from '@date-fns/tz';
// The mini class has every zone-aware getter date-fns needs, without the string formatters.
import { TZDateMini } from '@date-fns/tz/date/mini';
import { addDays, formatISO, startOfWeek } from 'date-fns';

/** A calendar day, `YYYY-MM-DD`: what `<input type="date">` holds. Zone-free by itself. */
export type DayKey = string;
/** A point in time: a `Date`, epoch milliseconds, or an ISO 8601 string with offset. */
export type Instant = Date | string | number;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch milliseconds of an instant. */
export const millisOf = (instant: Instant): number =>
  instant instanceof Date ? instant.getTime() : new Date(instant).getTime();

/** True when `timeZone` is an IANA zone (or offset) the runtime's Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** True for a well-formed `YYYY-MM-DD` day key. */
export function isDayKey(value: string): value is DayKey {
  return DAY_KEY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function dayParts(day: DayKey): [number, number, number] {
  const match = DAY_KEY.exec(day);
  if (!match) throw new RangeError('day must be a date in YYYY-MM-DD form');
  return [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
}

/** `instant` seen on the wall clock of `timeZone`. */
export function inZone(instant: Instant, timeZone: string): TZDate {
  return new TZDateMini(millisOf(instant), timeZone);
}

/** The calendar day `instant` falls on in `timeZone` (not in the browser's zone). */
export function dayKeyOf(instant: Instant, timeZone: string): DayKey {
  return formatISO(inZone(instant, timeZone), { representation: 'date' });
}

/** Today in `timeZone`. `now` is injectable for deterministic stories and tests. */
export function todayIn(timeZone: string, now: Instant = Date.now()): DayKey {
  return dayKeyOf(now, timeZone);
}

/** Calendar arithmetic on day keys; done in UTC because a calendar day has no zone. */
export function shiftDay(day: DayKey, days: number): DayKey {
  const [year, month, date] = dayParts(day);
  return formatISO(addDays(new TZDateMini(year, month, date, 'UTC'), days), {
    representation: 'date',
  });
}

/** The seven days of the week holding `day`. `weekStartsOn`: 0 Sunday ... 6 Saturday. */
export function weekOf(day: DayKey, weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6 = 1): DayKey[] {
  const [year, month, date] = dayParts(day);
  const first = startOfWeek(new TZDateMini(year, month, date, 'UTC'), { weekStartsOn });
  const firstKey = formatISO(first, { representation: 'date' });
  return Array.from({ length: 7 }, (_, i) => shiftDay(firstKey, i));
}

/** Local midnight of `day` in `timeZone` (the first existing instant where a zone skips midnight). */
export function startOfDayIn(day: DayKey, timeZone: string): TZDate {
  const [year, month, date] = dayParts(day);
  return new TZDateMini(year, month, date, timeZone);
}

/**
 * The instants `[start, end)` of a day in a zone. Not always 24 hours: 23 on spring-forward
 * days and 25 on fall-back days.
 */
export function dayBoundsIn(day: DayKey, timeZone: string): { start: TZDate; end: TZDate } {
  return { start: startOfDayIn(day, timeZone), end: startOfDayIn(shiftDay(day, 1), timeZone) };
}

/** Length of a day in a zone, in hours (23, 24 or 25 for DST zones; 23.5 for Lord Howe). */
export function hoursInDay(day: DayKey, timeZone: string): number {
  const { start, end } = dayBoundsIn(day, timeZone);
  return (end.getTime() - start.getTime()) / 3_600_000;
}

/** ISO 8601 with the zone's offset, e.g. `2026-03-08T03:00:00-04:00` (`Z` at offset zero). */
export function toZonedIso(instant: Instant, timeZone: string): string {
  return formatISO(inZone(instant, timeZone));
}

/** Adds real elapsed minutes (a 60-minute visit across a DST change still lasts 60 minutes). */
export function addMinutes(instant: Instant, minutes: number): Date {
  return new Date(millisOf(instant) + minutes * 60_000);
}

/** Whole minutes between two instants. */
export function minutesBetween(start: Instant, end: Instant): number {
  return Math.round((millisOf(end) - millisOf(start)) / 60_000);
}

/**
 * Search bounds for the API (`dateFrom`/`dateTo`, both inclusive) covering the days `from`
 * to `to` in `timeZone`, sent as ISO 8601 with offset so the server never guesses a zone.
 */
export function daysQueryRange(
  from: DayKey,
  to: DayKey,
  timeZone: string,
): { dateFrom: string; dateTo: string } {
  const end = startOfDayIn(shiftDay(to, 1), timeZone);
  return {
    dateFrom: toZonedIso(startOfDayIn(from, timeZone), timeZone),
    dateTo: toZonedIso(end.getTime() - 1000, timeZone),
  };
}
