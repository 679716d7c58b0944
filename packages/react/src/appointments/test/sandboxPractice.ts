import {
  type Appointment,
  type ClinikClient,
  createClinikClient,
  type Patient,
  type Practitioner,
  type Slot,
} from '@clinikapi/core';
import { inject } from 'vitest';
import { addMinutes, type DayKey, startOfDayIn, toZonedIso } from '../../time/zone.js';

/** `/api/clinik` of the real proxy in front of the shared in-memory sandbox (globalSetup). */
export const sandboxUrl = () => inject('sandboxProxyUrl');

/** Another member of staff, writing through their own client (no cache shared with the UI). */
export const colleague = (): ClinikClient =>
  createClinikClient({ baseUrl: sandboxUrl(), retries: 0 });

/** The practice of the integrity tests: Kolkata, "now" is 05:30 there on Wednesday Feb 3, 2027. */
export const PRACTICE_ZONE = 'Asia/Kolkata';
export const PRACTICE_DAY: DayKey = '2027-02-03';
export const PRACTICE_NOW = new Date('2027-02-03T00:00:00Z');

export interface PracticeDoctor {
  practitioner: Practitioner;
  /** 30-minute free slots from 09:00 on `PRACTICE_DAY`, earliest first. */
  slots: Slot[];
}

/** A practitioner with a schedule and `count` free 30-minute slots from `from` (HH:MM). */
export async function doctorWithSlots(
  lastName: string,
  {
    count = 4,
    from = '09:00',
    day = PRACTICE_DAY,
  }: { count?: number; from?: string; day?: DayKey } = {},
): Promise<PracticeDoctor> {
  const y = colleague();
  const practitioner = await y.practitioners.create({ firstName: 'Dr', lastName });
  const schedule = await y.schedules.create({ actorIds: [practitioner.id], active: true });
  const [hours, minutes] = from.split(':').map(Number);
  const first = addMinutes(startOfDayIn(day, PRACTICE_ZONE), (hours ?? 9) * 60 + (minutes ?? 0));
  const slots: Slot[] = [];
  for (let i = 0; i < count; i++) {
    const start = addMinutes(first, i * 30);
    slots.push(
      await y.slots.create({
        scheduleId: schedule.id,
        status: 'free',
        start: toZonedIso(start, PRACTICE_ZONE),
        end: toZonedIso(addMinutes(start, 30), PRACTICE_ZONE),
      }),
    );
  }
  return { practitioner, slots };
}

export async function patientNamed(firstName: string, lastName: string): Promise<Patient> {
  return colleague().patients.create({ firstName, lastName });
}

/** Books `slot` for `patientId` as a colleague would (the slot turns busy). */
export async function bookedBy(
  patientId: string,
  doctor: PracticeDoctor,
  slot: Slot,
  extra: Partial<Appointment> = {},
): Promise<Appointment> {
  return colleague().appointments.create({
    status: 'booked',
    patientId,
    practitionerId: doctor.practitioner.id,
    slotId: slot.id,
    start: slot.start,
    end: slot.end,
    minutesDuration: 30,
    appointmentType: 'routine',
    ...extra,
  });
}
