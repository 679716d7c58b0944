import * as z from 'zod/mini';
import { codeSchema, dateSchema, shortText } from './common.js';

export const MEDICATION_STATUSES = ['active', 'inactive', 'entered-in-error'] as const;

const medicationFields = z.strictObject({
  /** e.g. an RxNorm coding, or plain text. */
  code: codeSchema,
  status: z.optional(z.enum(MEDICATION_STATUSES)),
  /** Dose form, e.g. `tablet`. */
  form: z.optional(shortText(200)),
  manufacturer: z.optional(shortText(200)),
  ingredients: z.optional(z.array(shortText(200)).check(z.maxLength(50))),
  lotNumber: z.optional(shortText(100)),
  /** Main date (`YYYY-MM-DD`). */
  expirationDate: z.optional(dateSchema),
});

export const medicationCreateSchema = medicationFields;
export const medicationPatchSchema = z.partial(medicationFields);

export type MedicationCreate = z.infer<typeof medicationFields>;
export type MedicationPatch = Partial<MedicationCreate>;

export interface Medication extends MedicationCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
