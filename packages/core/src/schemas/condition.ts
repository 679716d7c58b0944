import { z } from 'zod';
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
  clinicalStatus: z.enum(CONDITION_CLINICAL_STATUSES).optional(),
  verificationStatus: z.enum(CONDITION_VERIFICATION_STATUSES).optional(),
  category: z.enum(['problem-list-item', 'encounter-diagnosis']).optional(),
  severity: z.enum(['mild', 'moderate', 'severe']).optional(),
  encounterId: idSchema.optional(),
  /** Main date: when it started. */
  onsetDateTime: dateTimeSchema.optional(),
  abatementDateTime: dateTimeSchema.optional(),
  recordedDate: dateTimeSchema.optional(),
  note: z.string().max(2000).optional(),
});

export const conditionCreateSchema = conditionFields;
export const conditionPatchSchema = conditionFields.partial();

export type ConditionCreate = z.infer<typeof conditionFields>;
export type ConditionPatch = Partial<ConditionCreate>;

export interface Condition extends ConditionCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
