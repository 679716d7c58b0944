import * as z from 'zod/mini';
import { codeSchema, codingSchema, dateTimeSchema, idSchema, quantitySchema } from './common.js';

/**
 * FHIR R4 `ObservationStatus` (http://hl7.org/fhir/R4/valueset-observation-status.html), as far
 * as a client writes it: `entered-in-error` withdraws a record that should never have existed
 * (it stays stored, and lists show it struck out).
 */
export const OBSERVATION_STATUSES = [
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
] as const;

export const OBSERVATION_CATEGORIES = [
  'vital-signs',
  'laboratory',
  'social-history',
  'exam',
] as const;

const referenceRangeSchema = z.strictObject({
  low: z.optional(quantitySchema),
  high: z.optional(quantitySchema),
  text: z.optional(z.string().check(z.maxLength(500))),
});

/** One range, or several (e.g. by age group): FHIR `referenceRange` (0..*). */
const referenceRangesSchema = z.union([
  referenceRangeSchema,
  z.array(referenceRangeSchema).check(z.maxLength(5)),
]);

/** An HL7 v3 ObservationInterpretation code (`H`, `L`, `N`, ...) as text or a coding. */
const interpretationSchema = z.union([z.string().check(z.maxLength(200)), codingSchema]);

/**
 * FHIR `Observation.component`: a value reported with the others (a blood pressure's systolic and
 * diastolic). Each carries its own `interpretation` and `referenceRange`, as FHIR R4 does
 * (`Observation.component.interpretation`, `.referenceRange`): a high systolic with a normal
 * diastolic is flagged on the systolic only.
 */
const componentSchema = z.strictObject({
  code: codeSchema,
  valueQuantity: z.optional(quantitySchema),
  valueString: z.optional(z.string().check(z.maxLength(2000))),
  valueCodeableConcept: z.optional(codeSchema),
  interpretation: z.optional(interpretationSchema),
  referenceRange: z.optional(referenceRangesSchema),
});

const observationFields = z.strictObject({
  status: z.enum(OBSERVATION_STATUSES),
  code: codeSchema,
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  performerId: z.optional(idSchema),
  /**
   * FHIR R4 `Observation.derivedFrom` (Reference(Observation) only): ids of the Observations
   * this value was computed from, e.g. a BMI (39156-5) from its body weight (29463-7) and body
   * height (8302-2), weight first. At most 10.
   */
  derivedFromIds: z.optional(z.array(idSchema).check(z.maxLength(10))),
  effectiveDateTime: z.optional(dateTimeSchema),
  valueQuantity: z.optional(quantitySchema),
  valueString: z.optional(z.string().check(z.maxLength(2000))),
  valueCodeableConcept: z.optional(codeSchema),
  component: z.optional(z.array(componentSchema).check(z.maxLength(20))),
  category: z.optional(z.enum(OBSERVATION_CATEGORIES)),
  interpretation: z.optional(interpretationSchema),
  referenceRange: z.optional(referenceRangesSchema),
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
