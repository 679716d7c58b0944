import * as z from 'zod/mini';
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
  encounterId: z.optional(idSchema),
  performerId: z.optional(idSchema),
  category: z.optional(shortText(100)),
  /** Main date: when the specimen was taken or the result is clinically relevant. */
  effectiveDateTime: z.optional(dateTimeSchema),
  issued: z.optional(dateTimeSchema),
  /** Observation ids of the individual results. */
  resultIds: z.optional(z.array(idSchema).check(z.maxLength(100))),
  conclusion: z.optional(z.string().check(z.maxLength(2000))),
});

export const labCreateSchema = labFields;
export const labPatchSchema = z.partial(labFields);

export type LabStatus = (typeof LAB_STATUSES)[number];
export type LabCreate = z.infer<typeof labFields>;
export type LabPatch = Partial<LabCreate>;

export interface Lab extends LabCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
