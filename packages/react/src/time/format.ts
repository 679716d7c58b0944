import {
  type DayKey,
  dayBoundsIn,
  dayKeyOf,
  type Instant,
  inZone,
  millisOf,
  shiftDay,
  wallTimeToInstant,
} from './zone.js';

/** Where and how to show times: the practice's IANA zone and a BCP 47 locale. */
export interface ZoneFormat {
  timeZone: string;
  locale: string;
}

// Building an Intl.DateTimeFormat is slow; agendas format hundreds of times per render.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * The other instant with the same wall-clock time as `instant` on a fall-back day (1:30 AM EDT and
 * 1:30 AM EST), or `undefined` when that wall time happens once.
 */
export function twinOf(instant: Instant, timeZone: string): number | undefined {
  const wall = inZone(instant, timeZone).toWallTime();
  const earlier = wallTimeToInstant(wall, timeZone, 'earlier');
  const later = wallTimeToInstant(wall, timeZone, 'later');
  if (earlier === undefined || later === undefined || earlier === later) return undefined;
  return millisOf(instant) === earlier ? later : earlier;
}

/** `true`: always name the zone; `false`: never; `'auto'`: when the wall time happens twice. */
export type WithZone = boolean | 'auto';

/**
 * Wall-clock time in the zone, e.g. `9:30 AM` or `09:30`. The zone is named (`EDT`, `GMT+1`) when
 * `withZone` is true, and by default (`'auto'`) whenever the wall time happens twice that day (a
 * fall-back night's 1:30 AM), so two different instants never read the same, whatever else is on
 * screen. Where the short names of the two would be equal, the offsets (`GMT-4`) are shown.
 */
export function formatTime(instant: Instant, format: ZoneFormat, withZone: WithZone = 'auto') {
  const time = formatter(format.locale, format.timeZone, { timeStyle: 'short' }).format(
    millisOf(instant),
  );
  const twin = twinOf(instant, format.timeZone);
  if (withZone === false || (withZone === 'auto' && twin === undefined)) return time;
  return `${time} ${zoneLabel(instant, format, twin)}`;
}

/** The short zone name at `instant`, or its offset when that would not tell it from its twin. */
function zoneLabel(instant: Instant, format: ZoneFormat, twin: number | undefined): string {
  const name = zoneName(instant, format, 'short');
  if (twin !== undefined && zoneName(twin, format, 'short') === name) {
    return zoneName(instant, format, 'shortOffset');
  }
  return name;
}

/**
 * A time range in the zone, `9:00 AM – 9:30 AM`, with ` (+1)` when it ends on a later day. When
 * either end needs its zone named (a repeated wall time, or `withZone: true`), both ends name it:
 * `1:30 AM EDT – 1:00 AM EST`, never `1:30 AM EDT – 1:00 AM`.
 */
export function formatTimeRange(
  start: Instant,
  end: Instant,
  format: ZoneFormat,
  withZone: WithZone = 'auto',
) {
  const named =
    withZone === true ||
    (withZone === 'auto' &&
      (twinOf(start, format.timeZone) !== undefined || twinOf(end, format.timeZone) !== undefined));
  // An end exactly at midnight still belongs to the day it ends.
  const nextDay =
    dayKeyOf(millisOf(end) - 1, format.timeZone) > dayKeyOf(start, format.timeZone) &&
    millisOf(end) > millisOf(start);
  return `${formatTime(start, format, named)} – ${formatTime(end, format, named)}${nextDay ? ' (+1)' : ''}`;
}

function zoneName(
  instant: Instant,
  { timeZone, locale }: ZoneFormat,
  style: 'short' | 'shortOffset' | 'longGeneric',
): string {
  const parts = formatter(locale, timeZone, { timeZoneName: style }).formatToParts(
    millisOf(instant),
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** Date and time in the zone, e.g. `Sun, Mar 8, 2026, 3:00 AM EDT`. */
export function formatDateTime(instant: Instant, { timeZone, locale }: ZoneFormat) {
  return formatter(locale, timeZone, {
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(millisOf(instant));
}

/**
 * A calendar day as words, e.g. `Sunday, March 8, 2026`. A day key has no zone: it is read and
 * written in UTC so no offset can move it to a neighbouring day.
 */
export function formatDay(day: DayKey, locale: string, style: 'long' | 'short' = 'long') {
  return formatter(locale, 'UTC', {
    weekday: style,
    year: 'numeric',
    month: style,
    day: 'numeric',
  }).format(Date.parse(`${day}T12:00:00Z`));
}

/** The zone's offset at `instant`, e.g. `GMT+5:30` or `GMT-4`. */
export function formatOffset(instant: Instant, format: ZoneFormat) {
  return zoneName(instant, format, 'shortOffset');
}

/** A generic name that is only an offset (`GMT+00:00`, `GMT-05:00`): Intl has no name for it. */
const OFFSET_ONLY = /^(GMT|UTC)([+\-−]|$)/;

/**
 * A zone as people read it: `Eastern Time (New York)`, `India Standard Time (Kolkata)`,
 * `Mitteleuropäische Zeit (Berlin)` in German, `Chatham Time` where the name holds the place;
 * the IANA id only where Intl has no name (`UTC`, `Etc/GMT+5`). `at` picks the instant for names
 * that change over time. Defaults to now.
 */
export function formatZoneName(timeZone: string, locale: string, at: Instant = Date.now()): string {
  const generic = zoneName(at, { timeZone, locale }, 'longGeneric');
  const parts = timeZone.split('/');
  const city =
    parts.length > 1 && parts[0] !== 'Etc'
      ? (parts[parts.length - 1] ?? '').replace(/_/g, ' ')
      : '';
  if (OFFSET_ONLY.test(generic)) return city || timeZone;
  if (!city || generic.includes(city)) return generic;
  return `${generic} (${city})`;
}

/**
 * The offsets of the zone over the days `from` to `to`, in order, without repeats: one
 * (`GMT+5:30`), or each in turn on and across clock changes (`GMT-4 → GMT-5`).
 */
export function formatOffsetsOver(from: DayKey, to: DayKey, format: ZoneFormat): string {
  const offsets: string[] = [];
  for (let day = from; day <= to; day = shiftDay(day, 1)) {
    const { start, end } = dayBoundsIn(day, format.timeZone);
    for (const at of [start.getTime(), end.getTime() - 1]) {
      const offset = formatOffset(at, format);
      if (offsets[offsets.length - 1] !== offset) offsets.push(offset);
    }
  }
  return offsets.join(' → ');
}
