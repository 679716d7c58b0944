/**
 * Zone math on epoch milliseconds and `Intl`, never on `Date` subclasses or on the runtime's own
 * zone: the results are the same whatever zone the browser is in, and under fake clocks that
 * replace `Date` with a constructor that drops subclasses (Playwright's `clock.install()`), under
 * which a `Date`-subclass zone library such as `@date-fns/tz` silently falls back to the
 * browser's zone. Only `Intl.DateTimeFormat#formatToParts` with an explicit instant reads zones.
 */

/** A calendar day, `YYYY-MM-DD`: what `<input type="date">` holds. Zone-free by itself. */
export type DayKey = string;
/** A point in time: a `Date`, epoch milliseconds, or an ISO 8601 string with offset. */
export type Instant = Date | string | number | { getTime(): number };

/**
 * How a wall-clock time that a zone skips or repeats becomes an instant (the names and rules of
 * Temporal's `disambiguation`): `compatible` takes the earlier of two repeated times and moves a
 * skipped time forward by the gap (2:30 on a spring-forward night becomes 3:30); `earlier` and
 * `later` pick the first or last candidate (a skipped time: the instant just before or after
 * the gap, read with the offset before or after it); `reject` gives `undefined` for both.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

/** Wall-clock fields; `month` is 1-12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Epoch milliseconds of an instant. */
export function millisOf(instant: Instant): number {
  if (typeof instant === 'number') return instant;
  if (typeof instant === 'string') return Date.parse(instant);
  return instant.getTime();
}

/** True when `timeZone` is an IANA zone (or offset) the runtime's Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// --- Calendar arithmetic without Date (proleptic Gregorian; Howard Hinnant's algorithms) ---

/** Days since 1970-01-01 of a calendar date (`month` 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The calendar date of a day number (days since 1970-01-01). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Epoch milliseconds of wall-clock fields read as UTC. */
function utcMillisOf(wall: WallTime): number {
  return (
    daysFromCivil(wall.year, wall.month, wall.day) * DAY +
    ((wall.hour ?? 0) * 60 + (wall.minute ?? 0)) * MINUTE +
    (wall.second ?? 0) * 1000 +
    (wall.millisecond ?? 0)
  );
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

function dayKeyFromParts(year: number, month: number, day: number): DayKey {
  return `${year < 0 ? '-' : ''}${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** True for a well-formed `YYYY-MM-DD` day key of a real date. */
export function isDayKey(value: string): value is DayKey {
  const match = DAY_KEY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = civilFromDays(daysFromCivil(year, month, day));
  return back.year === year && back.month === month && back.day === day;
}

function dayParts(day: DayKey): [number, number, number] {
  const match = DAY_KEY.exec(day);
  if (!match) throw new RangeError('day must be a date in YYYY-MM-DD form');
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

// --- Reading a zone ---

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `ms` in `timeZone` (seconds precision; milliseconds carried over). */
function wallOf(ms: number, timeZone: string): Required<WallTime> {
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of partsFormatter(timeZone).formatToParts(ms)) {
    if (part.type === 'era') bc = part.value === 'BC' || part.value === 'B';
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 1970;
  return {
    year: bc ? 1 - year : year,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The zone's offset from UTC at `instant`, in minutes (e.g. -300 for EST, 330 for India). */
export function offsetMinutesAt(instant: Instant, timeZone: string): number {
  const ms = millisOf(instant);
  return Math.round((utcMillisOf(wallOf(ms, timeZone)) - ms) / MINUTE);
}

/**
 * `instant` seen on the wall clock of `timeZone`: a plain value (not a `Date`) with the getters
 * date code reads (`getFullYear`, `getMonth` 0-11, `getDate`, `getDay`, `getHours`, ...), all in
 * that zone, and `getTime()` for the instant.
 */
export class ZonedTime {
  readonly #ms: number;
  readonly #wall: Required<WallTime>;
  readonly timeZone: string;
  /** Minutes east of UTC at this instant. */
  readonly offsetMinutes: number;

  constructor(instant: Instant, timeZone: string) {
    this.#ms = millisOf(instant);
    this.timeZone = timeZone;
    this.#wall = wallOf(this.#ms, timeZone);
    this.offsetMinutes = Math.round((utcMillisOf(this.#wall) - this.#ms) / MINUTE);
  }
  getTime(): number {
    return this.#ms;
  }
  valueOf(): number {
    return this.#ms;
  }
  getFullYear(): number {
    return this.#wall.year;
  }
  /** 0-11, as `Date#getMonth`. */
  getMonth(): number {
    return this.#wall.month - 1;
  }
  getDate(): number {
    return this.#wall.day;
  }
  /** 0 Sunday ... 6 Saturday. */
  getDay(): number {
    return (((daysFromCivil(this.#wall.year, this.#wall.month, this.#wall.day) + 4) % 7) + 7) % 7;
  }
  getHours(): number {
    return this.#wall.hour;
  }
  getMinutes(): number {
    return this.#wall.minute;
  }
  getSeconds(): number {
    return this.#wall.second;
  }
  getMilliseconds(): number {
    return this.#wall.millisecond;
  }
  /** The wall-clock fields (`month` 1-12). */
  toWallTime(): Required<WallTime> {
    return { ...this.#wall };
  }
  /** ISO 8601 with the zone's offset (see `toZonedIso`). */
  toISOString(): string {
    return isoOf(this.#wall, this.offsetMinutes);
  }
  toString(): string {
    return this.toISOString();
  }
}

/** `instant` seen on the wall clock of `timeZone`. */
export function inZone(instant: Instant, timeZone: string): ZonedTime {
  return new ZonedTime(instant, timeZone);
}

function isoOf(wall: Required<WallTime>, offsetMinutes: number): string {
  const date = dayKeyFromParts(wall.year, wall.month, wall.day);
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  if (offsetMinutes === 0) return `${date}T${time}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * The instant a wall-clock time in `timeZone` names. Most wall times name exactly one instant; on
 * a fall-back night one hour names two (1:30 EDT and 1:30 EST), and on a spring-forward night one
 * hour names none (2:30 in New York, midnight in America/Santiago on its change day):
 * `disambiguation` decides (defaults to `compatible`). `undefined` only with `reject`.
 */
export function wallTimeToInstant(
  wall: WallTime,
  timeZone: string,
  disambiguation: Disambiguation = 'compatible',
): number | undefined {
  const local = utcMillisOf(wall);
  // The offsets a day either side cover any one transition; each gives a candidate instant.
  const before = offsetMinutesAt(local - DAY, timeZone);
  const after = offsetMinutesAt(local + DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * MINUTE)
    .filter((ms) => utcMillisOf(wallOf(ms, timeZone)) === local)
    .sort((a, b) => a - b);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    if (disambiguation === 'reject') return undefined;
    return disambiguation === 'later' ? candidates[candidates.length - 1] : candidates[0];
  }
  // A gap: no offset around it reads back as this wall time.
  if (disambiguation === 'reject') return undefined;
  // Read with the offset before the gap, the time lands after it (moved forward by the gap);
  // read with the offset after it, before the gap.
  const forward = local - before * MINUTE;
  const backward = local - after * MINUTE;
  return disambiguation === 'earlier' ? Math.min(forward, backward) : Math.max(forward, backward);
}

/** The calendar day `instant` falls on in `timeZone` (not in the browser's zone). */
export function dayKeyOf(instant: Instant, timeZone: string): DayKey {
  const wall = wallOf(millisOf(instant), timeZone);
  return dayKeyFromParts(wall.year, wall.month, wall.day);
}

/** Today in `timeZone`. `now` is injectable for deterministic stories and tests. */
export function todayIn(timeZone: string, now: Instant = Date.now()): DayKey {
  return dayKeyOf(now, timeZone);
}

/** Calendar arithmetic on day keys (a calendar day has no zone). */
export function shiftDay(day: DayKey, days: number): DayKey {
  const [year, month, date] = dayParts(day);
  const next = civilFromDays(daysFromCivil(year, month, date) + days);
  return dayKeyFromParts(next.year, next.month, next.day);
}

/** Day of the week of a day key: 0 Sunday ... 6 Saturday. */
export function weekdayOf(day: DayKey): number {
  const [year, month, date] = dayParts(day);
  return (((daysFromCivil(year, month, date) + 4) % 7) + 7) % 7;
}

/** The seven days of the week holding `day`. `weekStartsOn`: 0 Sunday ... 6 Saturday. */
export function weekOf(day: DayKey, weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6 = 1): DayKey[] {
  const back = (weekdayOf(day) - weekStartsOn + 7) % 7;
  const first = shiftDay(day, -back);
  return Array.from({ length: 7 }, (_, i) => shiftDay(first, i));
}

/** Local midnight of `day` in `timeZone` (the first existing instant where a zone skips midnight). */
export function startOfDayIn(day: DayKey, timeZone: string): Date {
  const [year, month, date] = dayParts(day);
  // `compatible`: a skipped midnight (America/Santiago, Asia/Beirut...) becomes the first instant
  // after the gap, which is the day's start; a repeated one its first occurrence.
  return new Date(wallTimeToInstant({ year, month, day: date }, timeZone) as number);
}

/**
 * The instants `[start, end)` of a day in a zone. Not always 24 hours: 23 on spring-forward
 * days and 25 on fall-back days.
 */
export function dayBoundsIn(day: DayKey, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDayIn(day, timeZone), end: startOfDayIn(shiftDay(day, 1), timeZone) };
}

/** Length of a day in a zone, in hours (23, 24 or 25 for DST zones; 23.5 for Lord Howe). */
export function hoursInDay(day: DayKey, timeZone: string): number {
  const { start, end } = dayBoundsIn(day, timeZone);
  return (end.getTime() - start.getTime()) / 3_600_000;
}

/** ISO 8601 with the zone's offset, e.g. `2026-03-08T03:00:00-04:00` (`Z` at offset zero). */
export function toZonedIso(instant: Instant, timeZone: string): string {
  return new ZonedTime(instant, timeZone).toISOString();
}

/** Adds real elapsed minutes (a 60-minute visit across a DST change still lasts 60 minutes). */
export function addMinutes(instant: Instant, minutes: number): Date {
  return new Date(millisOf(instant) + minutes * MINUTE);
}

/** Whole minutes between two instants. */
export function minutesBetween(start: Instant, end: Instant): number {
  return Math.round((millisOf(end) - millisOf(start)) / MINUTE);
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
