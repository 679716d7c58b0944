import * as z from 'zod/mini';
import { endAfterStart } from './checks.js';
import { dateTimeSchema, idSchema, shortText } from './common.js';
import { longText, type Stored } from './kit.js';

/** FHIR R4 ParticipationStatus (AppointmentResponse.participantStatus). */
export const APPOINTMENT_RESPONSE_STATUSES = [
  'accepted',
  'declined',
  'tentative',
  'needs-action',
] as const;

/** `AppointmentResponseCreate` of the OpenAPI document (FHIR `AppointmentResponse`). */
const appointmentResponseFields = z.strictObject({
  appointmentId: idSchema,
  participantStatus: z.enum(APPOINTMENT_RESPONSE_STATUSES),
  /** The participant answering (stored as a Patient reference; patient portals own theirs). */
  actorId: z.optional(idSchema),
  participantType: z.optional(shortText(200)),
  /** Proposed new start and end (instants). */
  start: z.optional(dateTimeSchema),
  end: z.optional(dateTimeSchema),
  comment: z.optional(longText(2000)),
});

export const appointmentResponseCreateSchema = endAfterStart(appointmentResponseFields);
export const appointmentResponsePatchSchema = endAfterStart(z.partial(appointmentResponseFields));

export type AppointmentResponseCreate = z.infer<typeof appointmentResponseFields>;
export type AppointmentResponsePatch = Partial<AppointmentResponseCreate>;
export type AppointmentResponse = Stored<AppointmentResponseCreate>;
