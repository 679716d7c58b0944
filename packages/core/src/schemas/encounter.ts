import { z } from 'zod';
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
  practitionerId: idSchema.optional(),
  appointmentId: idSchema.optional(),
  type: shortText(200).optional(),
  serviceType: shortText(200).optional(),
  reasonCode: shortText(500).optional(),
  /** Main date of the encounter (its `period.start`). */
  start: dateTimeSchema.optional(),
  end: dateTimeSchema.optional(),
});

export const encounterCreateSchema = endAfterStart(encounterFields, false);
export const encounterPatchSchema = endAfterStart(encounterFields.partial(), false);

export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];
export type EncounterCreate = z.infer<typeof encounterFields>;
export type EncounterPatch = Partial<EncounterCreate>;

export interface Encounter extends EncounterCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
