import * as z from 'zod/mini';
import { codeSchema, dateTimeSchema, idSchema } from './common.js';

export const CONDITION_CLINICAL_STATUSES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
] as const;

export const CONDITION_VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;

const conditionFields = z.strictObject({
  /** e.g. an ICD-10 or SNOMED coding, or text. */
  code: codeSchema,
  patientId: idSchema,
  /** Matched by the `status` search parameter. */
  clinicalStatus: z.optional(z.enum(CONDITION_CLINICAL_STATUSES)),
  verificationStatus: z.optional(z.enum(CONDITION_VERIFICATION_STATUSES)),
  category: z.optional(z.enum(['problem-list-item', 'encounter-diagnosis'])),
  severity: z.optional(z.enum(['mild', 'moderate', 'severe'])),
  encounterId: z.optional(idSchema),
  /** Main date: when it started. */
  onsetDateTime: z.optional(dateTimeSchema),
  abatementDateTime: z.optional(dateTimeSchema),
  recordedDate: z.optional(dateTimeSchema),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const conditionCreateSchema = conditionFields;
export const conditionPatchSchema = z.partial(conditionFields);

export type ConditionCreate = z.infer<typeof conditionFields>;
export type ConditionPatch = Partial<ConditionCreate>;

export interface Condition extends ConditionCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
