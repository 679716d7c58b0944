import { z } from 'zod';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';

export const LAB_STATUSES = [
  'registered',
  'partial',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
] as const;

const labFields = z.strictObject({
  status: z.enum(LAB_STATUSES),
  /** The panel or test, e.g. a LOINC coding. */
  code: codeSchema,
  patientId: idSchema,
  encounterId: idSchema.optional(),
  performerId: idSchema.optional(),
  category: shortText(100).optional(),
  /** Main date: when the specimen was taken or the result is clinically relevant. */
  effectiveDateTime: dateTimeSchema.optional(),
  issued: dateTimeSchema.optional(),
  /** Observation ids of the individual results. */
  resultIds: z.array(idSchema).max(100).optional(),
  conclusion: z.string().max(2000).optional(),
});

export const labCreateSchema = labFields;
export const labPatchSchema = labFields.partial();

export type LabStatus = (typeof LAB_STATUSES)[number];
export type LabCreate = z.infer<typeof labFields>;
export type LabPatch = Partial<LabCreate>;

export interface Lab extends LabCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
