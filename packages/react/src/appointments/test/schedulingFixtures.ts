import type { Appointment, Patient, Practitioner, Slot } from '@clinikapi/core';
import { addMinutes, type DayKey, startOfDayIn, toZonedIso } from '../../time/zone.js';

const STAMP = '2026-01-01T00:00:00.000Z';

/** A contract-shaped practitioner (what `GET /v1/practitioners/{id}` returns in `data`). */
export function makePractitioner(
  id: string,
  firstName: string,
  lastName: string,
  specialty?: string,
): Practitioner {
  return {
    id,
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    ...(specialty ? { specialty } : {}),
    active: true,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

export function makePatient(id: string, firstName: string, lastName: string): Patient {
  return {
    id,
    firstName,
    lastName,
    fullName: `${firstName} ${lastName}`,
    active: true,
    createdAt: STAMP,
    updatedAt: STAMP,
  } as Patient;
}

export interface SlotRun {
  scheduleId: string;
  day: DayKey;
  timeZone: string;
  /** Local wall-clock start, e.g. `09:00`. */
  from: string;
  count: number;
  minutes: number;
  idPrefix: string;
}

/**
 * Back-to-back slots from a local wall-clock time in a zone, stepping in real minutes (as a
 * server generating a schedule would). Start and end carry the zone's offset.
 */
export function makeSlots({
  scheduleId,
  day,
  timeZone,
  from,
  count,
  minutes,
  idPrefix,
}: SlotRun): Slot[] {
  const [hours = 0, mins = 0] = from.split(':').map(Number);
  const first = addMinutes(startOfDayIn(day, timeZone), hours * 60 + mins);
  return Array.from({ length: count }, (_, i) => {
    const start = addMinutes(first, i * minutes);
    return {
      id: `${idPrefix}-${i}`,
      scheduleId,
      status: 'free' as const,
      start: toZonedIso(start, timeZone),
      end: toZonedIso(addMinutes(start, minutes), timeZone),
      createdAt: STAMP,
      updatedAt: STAMP,
    };
  });
}

export function makeAppointment(
  id: string,
  fields: Partial<Appointment> & Pick<Appointment, 'start' | 'end'>,
): Appointment {
  return {
    id,
    status: 'booked',
    patientId: 'pat-ada',
    practitionerId: 'prac-rao',
    appointmentType: 'routine',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...fields,
  };
}
