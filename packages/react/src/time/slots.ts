import { formatTime, type ZoneFormat } from './format.js';
import { type DayKey, dayKeyOf, millisOf, minutesBetween } from './zone.js';

/** The fields of a slot (or appointment) that time logic needs. */
export interface TimeRange {
  start: string;
  end: string;
}

export interface BookableSlotOptions {
  /** The day picked, in `timeZone`. */
  day: DayKey;
  timeZone: string;
  /** Slots starting at or before this instant are past and not offered. */
  now: number | Date;
  /** Only slots at least this long (minutes). Defaults to 0. */
  minMinutes?: number | undefined;
}

/** True when a range ends on a later day than it starts, in `timeZone` (e.g. 23:30-00:30). */
export function crossesMidnight(range: TimeRange, timeZone: string): boolean {
  // An end exactly at midnight still belongs to the day it ends.
  return dayKeyOf(range.start, timeZone) !== dayKeyOf(millisOf(range.end) - 1, timeZone);
}

/**
 * The slots a patient can book on `day`: free, starting that day in the practice's zone (a slot
 * from 23:30 to 00:30 belongs to the day it starts), in the future, long enough, earliest first.
 */
export function bookableSlots<S extends TimeRange & { id: string; status: string }>(
  slots: readonly S[],
  { day, timeZone, now, minMinutes = 0 }: BookableSlotOptions,
): S[] {
  const nowMs = millisOf(now);
  const seen = new Set<string>();
  return slots
    .filter((slot) => {
      if (slot.status !== 'free' || seen.has(slot.id)) return false;
      seen.add(slot.id);
      return (
        millisOf(slot.start) > nowMs &&
        dayKeyOf(slot.start, timeZone) === day &&
        minutesBetween(slot.start, slot.end) >= minMinutes
      );
    })
    .sort((a, b) => millisOf(a.start) - millisOf(b.start));
}

/**
 * Accessible names of slot buttons: the start time in the zone. On a fall-back day a wall-clock
 * time happens twice (1:30 AM EDT, then 1:30 AM EST): such a time always names its zone, also
 * when its twin is not offered (booked, past), so a lone "1:30 AM" is never ambiguous.
 */
export function slotStartLabels(
  slots: readonly (TimeRange & { id: string })[],
  format: ZoneFormat,
): Map<string, string> {
  return new Map(slots.map((slot) => [slot.id, formatTime(slot.start, format)]));
}
