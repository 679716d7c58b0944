import { z } from 'zod';
import { codeSchema, dateTimeSchema, idSchema, quantitySchema, shortText } from './common.js';

export const IMMUNIZATION_STATUSES = ['completed', 'entered-in-error', 'not-done'] as const;

const immunizationFields = z.strictObject({
  status: z.enum(IMMUNIZATION_STATUSES),
  /** The vaccine, e.g. a CVX coding, or text. */
  vaccineCode: codeSchema,
  patientId: idSchema,
  /** Main date: when it was given. */
  occurrenceDateTime: dateTimeSchema,
  encounterId: idSchema.optional(),
  performerId: idSchema.optional(),
  lotNumber: shortText(100).optional(),
  site: shortText(200).optional(),
  route: shortText(200).optional(),
  doseQuantity: quantitySchema.optional(),
  primarySource: z.boolean().optional(),
  note: z.string().max(2000).optional(),
});

export const immunizationCreateSchema = immunizationFields;
export const immunizationPatchSchema = immunizationFields.partial();

export type ImmunizationStatus = (typeof IMMUNIZATION_STATUSES)[number];
export type ImmunizationCreate = z.infer<typeof immunizationFields>;
export type ImmunizationPatch = Partial<ImmunizationCreate>;

export interface Immunization extends ImmunizationCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
