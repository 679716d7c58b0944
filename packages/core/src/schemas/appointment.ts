import * as z from 'zod/mini';
import { endAfterStart } from './checks.js';
import { dateTimeSchema, idSchema, periodSchema, shortText } from './common.js';

export const APPOINTMENT_STATUSES = [
  'proposed',
  'pending',
  'booked',
  'arrived',
  'fulfilled',
  'cancelled',
  'noshow',
  'checked-in',
  'waitlist',
] as const;

/** HL7 v2-0276 appointment reasons, lower-cased as the API writes them. */
export const APPOINTMENT_TYPES = [
  'routine',
  'walkin',
  'urgent',
  'followup',
  'checkup',
  'emergency',
] as const;

const appointmentFields = z.strictObject({
  status: z.enum(APPOINTMENT_STATUSES),
  patientId: idSchema,
  practitionerId: z.optional(idSchema),
  /** The free slot this appointment books; the slot turns busy atomically (409 if taken). */
  slotId: z.optional(idSchema),
  start: z.optional(dateTimeSchema),
  end: z.optional(dateTimeSchema),
  minutesDuration: z.optional(z.int().check(z.gte(1), z.lte(1440))),
  appointmentType: z.optional(z.enum(APPOINTMENT_TYPES)),
  serviceType: z.optional(shortText(200)),
  serviceCategory: z.optional(shortText(200)),
  specialty: z.optional(shortText(200)),
  reasonCode: z.optional(shortText(500)),
  priority: z.optional(z.int().check(z.gte(0), z.lte(9))),
  description: z.optional(z.string().check(z.maxLength(2000))),
  comment: z.optional(z.string().check(z.maxLength(2000))),
  patientInstruction: z.optional(z.string().check(z.maxLength(2000))),
  cancelationReason: z.optional(shortText(500)),
  basedOnId: z.optional(idSchema),
  requestedPeriod: z.optional(z.array(periodSchema).check(z.maxLength(10))),
  created: z.optional(dateTimeSchema),
});

export const appointmentCreateSchema = endAfterStart(appointmentFields);
export const appointmentPatchSchema = endAfterStart(z.partial(appointmentFields));

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];
export type AppointmentCreate = z.infer<typeof appointmentFields>;
export type AppointmentPatch = Partial<AppointmentCreate>;

export interface Appointment extends AppointmentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
