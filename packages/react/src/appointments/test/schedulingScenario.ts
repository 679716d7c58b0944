import type { SchedulingState } from './schedulingApi.js';
import { makeAppointment, makePatient, makePractitioner, makeSlots } from './schedulingFixtures.js';

/** A practice in Asia/Kolkata (UTC+5:30). "Now" is 09:40 there on Tuesday June 16, 2026. */
export const KOLKATA = 'Asia/Kolkata';
export const KOLKATA_NOW = new Date('2026-06-16T04:10:00Z');
export const KOLKATA_DAY = '2026-06-16';

/** Dr. Rao: 30-minute slots 09:00-13:00 and one 23:30-00:30 evening slot that crosses midnight. */
export function kolkataPractice(): SchedulingState {
  return {
    practitioners: [
      makePractitioner('prac-rao', 'Meera', 'Rao', 'Family medicine'),
      makePractitioner('prac-okafor', 'Sam', 'Okafor', 'Paediatrics'),
    ],
    patients: [
      makePatient('pat-ada', 'Ada', 'Lovelace'),
      makePatient('pat-alan', 'Alan', 'Turing'),
    ],
    scheduleOwners: { 'sch-rao': 'prac-rao', 'sch-okafor': 'prac-okafor' },
    slots: [
      ...makeSlots({
        scheduleId: 'sch-rao',
        day: KOLKATA_DAY,
        timeZone: KOLKATA,
        from: '09:00',
        count: 8,
        minutes: 30,
        idPrefix: 'rao-0616',
      }),
      ...makeSlots({
        scheduleId: 'sch-rao',
        day: KOLKATA_DAY,
        timeZone: KOLKATA,
        from: '23:30',
        count: 1,
        minutes: 60,
        idPrefix: 'rao-0616-night',
      }),
      ...makeSlots({
        scheduleId: 'sch-rao',
        day: '2026-06-17',
        timeZone: KOLKATA,
        from: '09:00',
        count: 4,
        minutes: 30,
        idPrefix: 'rao-0617',
      }),
    ],
    appointments: [
      makeAppointment('appt-past', {
        start: '2026-06-10T10:00:00+05:30',
        end: '2026-06-10T10:30:00+05:30',
        status: 'fulfilled',
        reasonCode: 'Annual check-up',
      }),
      makeAppointment('appt-next', {
        start: '2026-06-17T00:15:00+05:30',
        end: '2026-06-17T00:45:00+05:30',
        reasonCode: 'Night shift follow-up',
        appointmentType: 'followup',
      }),
    ],
  };
}

/** A New York practice on the fall-back day (25 hours): 01:00-02:00 happens twice. */
export const NEW_YORK = 'America/New_York';
export const FALL_BACK_DAY = '2026-11-01';
export const FALL_BACK_NOW = new Date('2026-10-31T12:00:00Z');

export function newYorkFallBackPractice(): SchedulingState {
  const base = kolkataPractice();
  return {
    ...base,
    appointments: [],
    slots: makeSlots({
      scheduleId: 'sch-rao',
      day: FALL_BACK_DAY,
      timeZone: NEW_YORK,
      from: '00:00',
      count: 8,
      minutes: 30,
      idPrefix: 'rao-1101',
    }),
  };
}
