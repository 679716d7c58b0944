import * as z from 'zod/mini';
import { endAfterStart } from './checks.js';
import { dateTimeSchema, idSchema, shortText } from './common.js';

export const ENCOUNTER_STATUSES = [
  'planned',
  'arrived',
  'triaged',
  'in-progress',
  'onleave',
  'finished',
  'cancelled',
  'entered-in-error',
  'unknown',
] as const;

/** Simplified names of the HL7 v3 ActCode encounter classes (AMB, EMER, IMP, VR, HH). */
export const ENCOUNTER_CLASSES = [
  'ambulatory',
  'emergency',
  'inpatient',
  'virtual',
  'home',
] as const;

const encounterFields = z.strictObject({
  status: z.enum(ENCOUNTER_STATUSES),
  class: z.enum(ENCOUNTER_CLASSES),
  patientId: idSchema,
  practitionerId: z.optional(idSchema),
  appointmentId: z.optional(idSchema),
  type: z.optional(shortText(200)),
  serviceType: z.optional(shortText(200)),
  reasonCode: z.optional(shortText(500)),
  /** Main date of the encounter (its `period.start`). */
  start: z.optional(dateTimeSchema),
  end: z.optional(dateTimeSchema),
});

export const encounterCreateSchema = endAfterStart(encounterFields, false);
export const encounterPatchSchema = endAfterStart(z.partial(encounterFields), false);

export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];
export type EncounterCreate = z.infer<typeof encounterFields>;
export type EncounterPatch = Partial<EncounterCreate>;

export interface Encounter extends EncounterCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
