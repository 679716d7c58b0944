import * as z from 'zod/mini';
import { codeSchema, codingSchema, dateTimeSchema, idSchema, quantitySchema } from './common.js';

export const OBSERVATION_STATUSES = [
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
] as const;

export const OBSERVATION_CATEGORIES = [
  'vital-signs',
  'laboratory',
  'social-history',
  'exam',
] as const;

const componentSchema = z.strictObject({
  code: codeSchema,
  valueQuantity: z.optional(quantitySchema),
  valueString: z.optional(z.string().check(z.maxLength(2000))),
  valueCodeableConcept: z.optional(codeSchema),
});

const referenceRangeSchema = z.strictObject({
  low: z.optional(quantitySchema),
  high: z.optional(quantitySchema),
  text: z.optional(z.string().check(z.maxLength(500))),
});

const observationFields = z.strictObject({
  status: z.enum(OBSERVATION_STATUSES),
  code: codeSchema,
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  performerId: z.optional(idSchema),
  effectiveDateTime: z.optional(dateTimeSchema),
  valueQuantity: z.optional(quantitySchema),
  valueString: z.optional(z.string().check(z.maxLength(2000))),
  valueCodeableConcept: z.optional(codeSchema),
  component: z.optional(z.array(componentSchema).check(z.maxLength(20))),
  category: z.optional(z.enum(OBSERVATION_CATEGORIES)),
  interpretation: z.optional(z.union([z.string().check(z.maxLength(200)), codingSchema])),
  referenceRange: z.optional(
    z.union([referenceRangeSchema, z.array(referenceRangeSchema).check(z.maxLength(5))]),
  ),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const observationCreateSchema = observationFields;
export const observationPatchSchema = z.partial(observationFields);

export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
export type ObservationCreate = z.infer<typeof observationFields>;
export type ObservationPatch = Partial<ObservationCreate>;

export interface Observation extends ObservationCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
