import { z } from 'zod';
import { codeSchema, dateTimeSchema, idSchema, quantitySchema } from './common.js';

export const PRESCRIPTION_STATUSES = [
  'active',
  'on-hold',
  'cancelled',
  'completed',
  'entered-in-error',
  'stopped',
  'draft',
  'unknown',
] as const;

export const PRESCRIPTION_INTENTS = ['proposal', 'plan', 'order', 'original-order'] as const;

const prescriptionFields = z.strictObject({
  status: z.enum(PRESCRIPTION_STATUSES),
  /** Defaults to `order`. */
  intent: z.enum(PRESCRIPTION_INTENTS).optional(),
  /** The drug, as text or a coding (e.g. RxNorm). */
  medication: codeSchema,
  patientId: idSchema,
  practitionerId: idSchema.optional(),
  encounterId: idSchema.optional(),
  /** Main date: when it was written. */
  authoredOn: dateTimeSchema.optional(),
  dosageInstruction: z.string().trim().min(1).max(1000).optional(),
  quantity: quantitySchema.optional(),
  refills: z.int().min(0).max(99).optional(),
  note: z.string().max(2000).optional(),
});

export const prescriptionCreateSchema = prescriptionFields;
export const prescriptionPatchSchema = prescriptionFields.partial();

export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];
export type PrescriptionCreate = z.infer<typeof prescriptionFields>;
export type PrescriptionPatch = Partial<PrescriptionCreate>;

export interface Prescription extends PrescriptionCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
