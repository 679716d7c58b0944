import { type DayKey, type Instant, millisOf } from './zone.js';

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

/** Wall-clock time in the zone, e.g. `9:30 AM` or `09:30`; `withZone` adds `EDT`/`GMT+5:30`. */
export function formatTime(instant: Instant, format: ZoneFormat, withZone = false) {
  const time = formatter(format.locale, format.timeZone, { timeStyle: 'short' }).format(
    millisOf(instant),
  );
  return withZone ? `${time} ${zoneName(instant, format, 'short')}` : time;
}

function zoneName(
  instant: Instant,
  { timeZone, locale }: ZoneFormat,
  style: 'short' | 'shortOffset',
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
