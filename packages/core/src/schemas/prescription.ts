import * as z from 'zod/mini';
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
  intent: z.optional(z.enum(PRESCRIPTION_INTENTS)),
  /** The drug, as text or a coding (e.g. RxNorm). */
  medication: codeSchema,
  patientId: idSchema,
  practitionerId: z.optional(idSchema),
  encounterId: z.optional(idSchema),
  /** Main date: when it was written. */
  authoredOn: z.optional(dateTimeSchema),
  dosageInstruction: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))),
  quantity: z.optional(quantitySchema),
  refills: z.optional(z.int().check(z.gte(0), z.lte(99))),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const prescriptionCreateSchema = prescriptionFields;
export const prescriptionPatchSchema = z.partial(prescriptionFields);

export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];
export type PrescriptionCreate = z.infer<typeof prescriptionFields>;
export type PrescriptionPatch = Partial<PrescriptionCreate>;

export interface Prescription extends PrescriptionCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
