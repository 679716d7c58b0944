import { z } from 'zod';
import { codeSchema, dateSchema, shortText } from './common.js';

export const MEDICATION_STATUSES = ['active', 'inactive', 'entered-in-error'] as const;

const medicationFields = z.strictObject({
  /** e.g. an RxNorm coding, or plain text. */
  code: codeSchema,
  status: z.enum(MEDICATION_STATUSES).optional(),
  /** Dose form, e.g. `tablet`. */
  form: shortText(200).optional(),
  manufacturer: shortText(200).optional(),
  ingredients: z.array(shortText(200)).max(50).optional(),
  lotNumber: shortText(100).optional(),
  /** Main date (`YYYY-MM-DD`). */
  expirationDate: dateSchema.optional(),
});

export const medicationCreateSchema = medicationFields;
export const medicationPatchSchema = medicationFields.partial();

export type MedicationCreate = z.infer<typeof medicationFields>;
export type MedicationPatch = Partial<MedicationCreate>;

export interface Medication extends MedicationCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
