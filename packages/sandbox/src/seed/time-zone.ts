/** Offset of `timeZone` from UTC at `instant`, in minutes (e.g. -300 for New York in winter). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Wall-clock fields of `instant` in `timeZone`, read back as a UTC timestamp. */
function wallAsUtcOf(instant: number, timeZone: string): number {
  return instant + zoneOffsetMinutes(instant, timeZone) * MINUTE;
}

/**
 * The instant a wall-clock time (given as its UTC reading, `Date.UTC(...)`) names in `timeZone`,
 * with Temporal's `compatible` disambiguation, the rule `@clinikapi/react`'s `wallTimeToInstant`
 * uses: a time that exists once is that instant; a time repeated on a fall-back night is its first
 * occurrence; a time inside a spring-forward gap moves forward by the gap (02:30 in New York on
 * 2026-03-08 is 03:30 EDT; midnight in America/Santiago on 2026-09-06 is 01:00 -03:00), never to
 * the hour before it or to the previous day.
 */
export function wallTimeToInstant(wallAsUtc: number, timeZone: string): number {
  // The offsets a day either side cover any one transition; each gives a candidate instant.
  const before = zoneOffsetMinutes(wallAsUtc - DAY, timeZone);
  const after = zoneOffsetMinutes(wallAsUtc + DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset * MINUTE)
    .filter((instant) => wallAsUtcOf(instant, timeZone) === wallAsUtc)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In a gap: read with the offset from before it, the time lands after it.
  return Math.max(wallAsUtc - before * MINUTE, wallAsUtc - after * MINUTE);
}

/**
 * A wall-clock time in `timeZone` as an ISO 8601 string with that zone's offset, e.g.
 * `2026-11-24T09:00:00-05:00`. Daylight-saving changes are respected; a time that does not exist
 * (inside a spring-forward gap) is moved forward by the gap (see `wallTimeToInstant`), so the
 * result names the instant and the wall time it really has.
 */
export function zonedDateTime(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const instant = wallTimeToInstant(
    Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0),
    timeZone,
  );
  const offset = zoneOffsetMinutes(instant, timeZone);
  const wall = new Date(instant + offset * MINUTE).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Today's date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
}

/** `YYYY-MM-DD` plus `days`, and its day of week (0 = Sunday). */
export function addDays(date: string, days: number): { date: string; weekday: number } {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return { date: next.toISOString().slice(0, 10), weekday: next.getUTCDay() };
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
