import { z } from 'zod';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';

export const ALLERGY_CLINICAL_STATUSES = ['active', 'inactive', 'resolved'] as const;
export const ALLERGY_CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;

const reactionSchema = z.strictObject({
  manifestation: shortText(200),
  severity: z.enum(['mild', 'moderate', 'severe']).optional(),
  description: z.string().max(1000).optional(),
});

const allergyFields = z.strictObject({
  /** The substance, as text or a coding. */
  code: codeSchema,
  patientId: idSchema,
  /** Matched by the `status` search parameter. */
  clinicalStatus: z.enum(ALLERGY_CLINICAL_STATUSES).optional(),
  verificationStatus: z
    .enum(['unconfirmed', 'confirmed', 'refuted', 'entered-in-error'])
    .optional(),
  type: z.enum(['allergy', 'intolerance']).optional(),
  category: z.array(z.enum(ALLERGY_CATEGORIES)).max(4).optional(),
  criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(),
  onsetDateTime: dateTimeSchema.optional(),
  /** Main date: when it was recorded. */
  recordedDate: dateTimeSchema.optional(),
  reactions: z.array(reactionSchema).max(20).optional(),
  note: z.string().max(2000).optional(),
});

export const allergyCreateSchema = allergyFields;
export const allergyPatchSchema = allergyFields.partial();

export type AllergyCreate = z.infer<typeof allergyFields>;
export type AllergyPatch = Partial<AllergyCreate>;

export interface Allergy extends AllergyCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
