'use client';
import { ClinikConfigError } from '@clinikapi/core/client';
import { TZDateMini } from '@date-fns/tz/date/mini';
import { useMemo } from 'react';
import { useClinik } from '../provider/context.js';
import { type Instant, inZone, isValidTimeZone, toZonedIso } from '../time/zone.js';

/**
 * The practice's IANA zone: the component's `timeZone` prop, else the provider's. A zone the
 * runtime does not know throws a coded error at render instead of silently using another zone.
 */
export function usePracticeZone(timeZone: string | undefined): string {
  const clinik = useClinik();
  const zone = timeZone ?? clinik.timeZone;
  return useMemo(() => {
    if (!isValidTimeZone(zone)) {
      throw new ClinikConfigError(
        'ERR_CLINIK_INVALID_TIME_ZONE',
        `Unknown time zone "${zone.slice(0, 64)}": pass an IANA zone such as "Asia/Kolkata"`,
      );
    }
    return zone;
  }, [zone]);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** What `<input type="datetime-local">` shows for `instant` on the wall clock of `timeZone`. */
export function wallClockInput(instant: Instant, timeZone: string): string {
  const d = inZone(instant, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type WallClockResult =
  | { ok: true; iso: string; millis: number }
  | { ok: false; reason: 'missing' | 'invalid' | 'nonexistent' };

/**
 * A `datetime-local` value read as wall-clock time in `timeZone` (never the browser's zone),
 * as ISO 8601 with that zone's offset. A time the zone skips (the spring-forward hour) is
 * refused as `nonexistent` rather than moved; in the repeated fall-back hour the earlier
 * instant is taken (the form shows which, with its zone abbreviation).
 */
export function fromWallClockInput(text: string, timeZone: string): WallClockResult {
  if (!text.trim()) return { ok: false, reason: 'missing' };
  const match = LOCAL.exec(text.trim());
  if (!match) return { ok: false, reason: 'invalid' };
  const [year, month, day, hour, minute, second] = match.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) {
    return { ok: false, reason: 'invalid' };
  }
  const date = new TZDateMini(year, month - 1, day, hour, minute, second, timeZone);
  if (Number.isNaN(date.getTime())) return { ok: false, reason: 'invalid' };
  if (
    date.getFullYear() !== year ||
    date.getMonth() !== month - 1 ||
    date.getDate() !== day ||
    date.getHours() !== hour ||
    date.getMinutes() !== minute
  ) {
    // Day 31 of a 30-day month rolls over; a skipped hour moves forward: neither was typed.
    return { ok: false, reason: date.getDate() !== day ? 'invalid' : 'nonexistent' };
  }
  return { ok: true, iso: toZonedIso(date, timeZone), millis: date.getTime() };
}
