import * as z from 'zod/mini';
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
  text: z.optional(z.string().check(z.maxLength(1000))),
  answer: z.optional(z.union([z.string().check(z.maxLength(5000)), z.number(), z.boolean()])),
});

const intakeFields = z.strictObject({
  status: z.enum(INTAKE_STATUSES),
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  /** Canonical URL or id of the questionnaire answered. */
  questionnaire: z.optional(shortText(500)),
  /** Main date: when the answers were recorded. */
  authored: z.optional(dateTimeSchema),
  items: z.optional(z.array(intakeItemSchema).check(z.maxLength(200))),
});

export const intakeCreateSchema = intakeFields;
export const intakePatchSchema = z.partial(intakeFields);

export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export type IntakeCreate = z.infer<typeof intakeFields>;
export type IntakePatch = Partial<IntakeCreate>;

export interface Intake extends IntakeCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
