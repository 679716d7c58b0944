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
  minMinutes?: number;
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
 * Accessible names of slot buttons: the start time in the zone. On a fall-back day two slots
 * can share a wall-clock time (1:30 AM twice), so repeated times get the zone name (EDT/EST).
 */
export function slotStartLabels(
  slots: readonly (TimeRange & { id: string })[],
  format: ZoneFormat,
): Map<string, string> {
  const plain = slots.map((slot) => formatTime(slot.start, format));
  const counts = new Map<string, number>();
  for (const label of plain) counts.set(label, (counts.get(label) ?? 0) + 1);
  const labels = new Map<string, string>();
  slots.forEach((slot, i) => {
    const label = plain[i] ?? '';
    labels.set(
      slot.id,
      (counts.get(label) ?? 0) > 1 ? formatTime(slot.start, format, true) : label,
    );
  });
  return labels;
}
