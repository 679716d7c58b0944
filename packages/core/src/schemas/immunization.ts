import * as z from 'zod/mini';
import { codeSchema, dateTimeSchema, idSchema, quantitySchema, shortText } from './common.js';

export const IMMUNIZATION_STATUSES = ['completed', 'entered-in-error', 'not-done'] as const;

const immunizationFields = z.strictObject({
  status: z.enum(IMMUNIZATION_STATUSES),
  /** The vaccine, e.g. a CVX coding, or text. */
  vaccineCode: codeSchema,
  patientId: idSchema,
  /** Main date: when it was given. */
  occurrenceDateTime: dateTimeSchema,
  encounterId: z.optional(idSchema),
  performerId: z.optional(idSchema),
  lotNumber: z.optional(shortText(100)),
  site: z.optional(shortText(200)),
  route: z.optional(shortText(200)),
  doseQuantity: z.optional(quantitySchema),
  primarySource: z.optional(z.boolean()),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const immunizationCreateSchema = immunizationFields;
export const immunizationPatchSchema = z.partial(immunizationFields);

export type ImmunizationStatus = (typeof IMMUNIZATION_STATUSES)[number];
export type ImmunizationCreate = z.infer<typeof immunizationFields>;
export type ImmunizationPatch = Partial<ImmunizationCreate>;

export interface Immunization extends ImmunizationCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
