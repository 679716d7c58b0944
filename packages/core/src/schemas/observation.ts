import { z } from 'zod';
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
  valueQuantity: quantitySchema.optional(),
  valueString: z.string().max(2000).optional(),
  valueCodeableConcept: codeSchema.optional(),
});

const referenceRangeSchema = z.strictObject({
  low: quantitySchema.optional(),
  high: quantitySchema.optional(),
  text: z.string().max(500).optional(),
});

const observationFields = z.strictObject({
  status: z.enum(OBSERVATION_STATUSES),
  code: codeSchema,
  patientId: idSchema,
  encounterId: idSchema.optional(),
  performerId: idSchema.optional(),
  effectiveDateTime: dateTimeSchema.optional(),
  valueQuantity: quantitySchema.optional(),
  valueString: z.string().max(2000).optional(),
  valueCodeableConcept: codeSchema.optional(),
  component: z.array(componentSchema).max(20).optional(),
  category: z.enum(OBSERVATION_CATEGORIES).optional(),
  interpretation: z.union([z.string().max(200), codingSchema]).optional(),
  referenceRange: z.union([referenceRangeSchema, z.array(referenceRangeSchema).max(5)]).optional(),
  note: z.string().max(2000).optional(),
});

export const observationCreateSchema = observationFields;
export const observationPatchSchema = observationFields.partial();

export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];
export type ObservationCreate = z.infer<typeof observationFields>;
export type ObservationPatch = Partial<ObservationCreate>;

export interface Observation extends ObservationCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
