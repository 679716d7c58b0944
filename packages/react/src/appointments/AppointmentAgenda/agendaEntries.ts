import type { Appointment, Slot } from '@clinikapi/core';
import { type DayGroup, groupByDay } from '../../time/group.js';
import type { DayKey } from '../../time/zone.js';

/** One line of an agenda: a free or busy slot, or an appointment (which hides the slot it booked). */
export type AgendaEntry =
  | { kind: 'slot'; id: string; start: string; end: string; slot: Slot }
  | { kind: 'appointment'; id: string; start: string; end: string; appointment: Appointment };

/**
 * Merges slots and appointments into per-day entries in `timeZone`, one group per day of `days`
 * (empty days included). Linear in the number of records, so hundreds render without stalling.
 */
export function agendaDays(
  days: readonly DayKey[],
  slots: readonly Slot[],
  appointments: readonly Appointment[],
  timeZone: string,
): DayGroup<AgendaEntry>[] {
  const booked = new Set<string>();
  const entries: AgendaEntry[] = [];
  for (const appointment of appointments) {
    if (!appointment.start) continue;
    if (appointment.slotId && appointment.status !== 'cancelled') booked.add(appointment.slotId);
    entries.push({
      kind: 'appointment',
      id: `appointment:${appointment.id}`,
      start: appointment.start,
      end: appointment.end ?? appointment.start,
      appointment,
    });
  }
  for (const slot of slots) {
    if (booked.has(slot.id)) continue;
    entries.push({ kind: 'slot', id: `slot:${slot.id}`, start: slot.start, end: slot.end, slot });
  }
  const byDay = new Map(groupByDay(entries, (e) => e.start, timeZone).map((g) => [g.day, g.items]));
  return days.map((day) => ({ day, items: byDay.get(day) ?? [] }));
}
