import { z } from 'zod';
import { dateTimeSchema, idSchema, shortText } from './common.js';

export const INTAKE_STATUSES = [
  'in-progress',
  'completed',
  'amended',
  'entered-in-error',
  'stopped',
] as const;

const intakeItemSchema = z.strictObject({
  linkId: shortText(100),
  text: z.string().max(1000).optional(),
  answer: z.union([z.string().max(5000), z.number().finite(), z.boolean()]).optional(),
});

const intakeFields = z.strictObject({
  status: z.enum(INTAKE_STATUSES),
  patientId: idSchema,
  encounterId: idSchema.optional(),
  /** Canonical URL or id of the questionnaire answered. */
  questionnaire: shortText(500).optional(),
  /** Main date: when the answers were recorded. */
  authored: dateTimeSchema.optional(),
  items: z.array(intakeItemSchema).max(200).optional(),
});

export const intakeCreateSchema = intakeFields;
export const intakePatchSchema = intakeFields.partial();

export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export type IntakeCreate = z.infer<typeof intakeFields>;
export type IntakePatch = Partial<IntakeCreate>;

export interface Intake extends IntakeCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
