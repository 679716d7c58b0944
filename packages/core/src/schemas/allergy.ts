import * as z from 'zod/mini';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';

export const ALLERGY_CLINICAL_STATUSES = ['active', 'inactive', 'resolved'] as const;
export const ALLERGY_CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;

const reactionSchema = z.strictObject({
  manifestation: shortText(200),
  severity: z.optional(z.enum(['mild', 'moderate', 'severe'])),
  description: z.optional(z.string().check(z.maxLength(1000))),
});

const allergyFields = z.strictObject({
  /** The substance, as text or a coding. */
  code: codeSchema,
  patientId: idSchema,
  /** Matched by the `status` search parameter. */
  clinicalStatus: z.optional(z.enum(ALLERGY_CLINICAL_STATUSES)),
  verificationStatus: z.optional(
    z.enum(['unconfirmed', 'confirmed', 'refuted', 'entered-in-error']),
  ),
  type: z.optional(z.enum(['allergy', 'intolerance'])),
  category: z.optional(z.array(z.enum(ALLERGY_CATEGORIES)).check(z.maxLength(4))),
  criticality: z.optional(z.enum(['low', 'high', 'unable-to-assess'])),
  onsetDateTime: z.optional(dateTimeSchema),
  /** Main date: when it was recorded. */
  recordedDate: z.optional(dateTimeSchema),
  reactions: z.optional(z.array(reactionSchema).check(z.maxLength(20))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const allergyCreateSchema = allergyFields;
export const allergyPatchSchema = z.partial(allergyFields);

export type AllergyCreate = z.infer<typeof allergyFields>;
export type AllergyPatch = Partial<AllergyCreate>;

export interface Allergy extends AllergyCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
