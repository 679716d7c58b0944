import { z } from 'zod';
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
  practitionerId: idSchema.optional(),
  /** The free slot this appointment books; the slot turns busy atomically (409 if taken). */
  slotId: idSchema.optional(),
  start: dateTimeSchema.optional(),
  end: dateTimeSchema.optional(),
  minutesDuration: z.int().min(1).max(1440).optional(),
  appointmentType: z.enum(APPOINTMENT_TYPES).optional(),
  serviceType: shortText(200).optional(),
  serviceCategory: shortText(200).optional(),
  specialty: shortText(200).optional(),
  reasonCode: shortText(500).optional(),
  priority: z.int().min(0).max(9).optional(),
  description: z.string().max(2000).optional(),
  comment: z.string().max(2000).optional(),
  patientInstruction: z.string().max(2000).optional(),
  cancelationReason: shortText(500).optional(),
  basedOnId: idSchema.optional(),
  requestedPeriod: z.array(periodSchema).max(10).optional(),
  created: dateTimeSchema.optional(),
});

export const appointmentCreateSchema = endAfterStart(appointmentFields);
export const appointmentPatchSchema = endAfterStart(appointmentFields.partial());

export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];
export type AppointmentCreate = z.infer<typeof appointmentFields>;
export type AppointmentPatch = Partial<AppointmentCreate>;

export interface Appointment extends AppointmentCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
