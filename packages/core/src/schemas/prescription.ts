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

/** UCUM, the unit system of every dose, duration and period. */
const UCUM = 'http://unitsofmeasure.org';

/**
 * FHIR R4 `units-of-time` (required binding of `Timing.repeat.periodUnit` and of a Duration's
 * code): UCUM codes for second, minute, hour, day, week, month and year.
 */
export const UNITS_OF_TIME = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a'] as const;
export type TimeUnit = (typeof UNITS_OF_TIME)[number];

// A refinement, not z.gt: core's issue mapping words a too_small bound as "at least".
const positive = () =>
  z.number().check(z.refine((n) => n > 0, { error: 'must be greater than 0' }));

/**
 * A length of time (FHIR `Duration`), e.g.
 * `{ value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }`. The code
 * is a UCUM unit of time (FHIR constraint drt-1); `system`, when given, is UCUM.
 */
export const timingDurationSchema = z.strictObject({
  value: positive(),
  unit: z.optional(z.string().check(z.maxLength(50))),
  system: z.optional(z.literal(UCUM, { error: `must be ${UCUM}` })),
  code: z.enum(UNITS_OF_TIME),
});

/**
 * An amount with a UCUM unit (FHIR `SimpleQuantity`), e.g. a dose of
 * `{ value: 500, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' }`. A `code` needs
 * its `system` (FHIR constraint qty-3).
 */
export const doseQuantitySchema = z
  .strictObject({
    value: positive(),
    unit: z.optional(z.string().check(z.maxLength(50))),
    system: z.optional(z.string().check(z.maxLength(500))),
    code: z.optional(z.string().check(z.maxLength(50))),
  })
  .check(
    z.refine((q) => q.code === undefined || q.system !== undefined, {
      error: 'needs a system when it has a code',
      path: ['system'],
    }),
  );

/**
 * How often (FHIR `Timing.repeat`): `frequency` times per `period` `periodUnit` ("3 per 1 d" is
 * three times a day), and for how long as a separate bound (`boundsDuration`, e.g. 7 d). A course
 * length never goes into the period: "3 per 7 d" means three times a week.
 */
export const timingRepeatSchema = z.strictObject({
  frequency: z.int().check(z.gte(1), z.lte(1000)),
  period: positive(),
  periodUnit: z.enum(UNITS_OF_TIME),
  boundsDuration: z.optional(timingDurationSchema),
});

/**
 * The structured dosage of a prescription (FHIR `MedicationRequest.dosageInstruction[0]`): dose
 * (`doseAndRate[0].doseQuantity`, UCUM), route (e.g. a SNOMED CT route of administration
 * coding, or text), timing and "as needed". The free text stays in `dosageInstruction`.
 */
export const dosageSchema = z.strictObject({
  doseQuantity: z.optional(doseQuantitySchema),
  route: z.optional(codeSchema),
  timing: z.optional(z.strictObject({ repeat: timingRepeatSchema })),
  asNeededBoolean: z.optional(z.boolean()),
});

/** Whether the dispenser may substitute (FHIR `MedicationRequest.substitution`). */
export const substitutionSchema = z.strictObject({
  allowedBoolean: z.boolean(),
  reason: z.optional(codeSchema),
});

const prescriptionFields = z.strictObject({
  status: z.enum(PRESCRIPTION_STATUSES),
  /** Defaults to `order`. */
  intent: z.optional(z.enum(PRESCRIPTION_INTENTS)),
  /** The drug, as text or a coding (e.g. RxNorm). */
  medication: codeSchema,
  patientId: idSchema,
  /** The prescriber (FHIR `requester`), a Practitioner id. Left out when unknown. */
  practitionerId: z.optional(idSchema),
  encounterId: z.optional(idSchema),
  /** Main date: when it was written. */
  authoredOn: z.optional(dateTimeSchema),
  /** Free-text instructions (FHIR `dosageInstruction[0].text`). */
  dosageInstruction: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))),
  /** Structured dose, route and timing (the rest of FHIR `dosageInstruction[0]`). */
  dosage: z.optional(dosageSchema),
  /** Amount to dispense (FHIR `dispenseRequest.quantity`). */
  quantity: z.optional(quantitySchema),
  /** Refills (FHIR `dispenseRequest.numberOfRepeatsAllowed`), 0-99. */
  refills: z.optional(z.int().check(z.gte(0), z.lte(99))),
  substitution: z.optional(substitutionSchema),
  /**
   * Why the prescription is in its current status, e.g. why it was stopped or put on hold (FHIR
   * `statusReason`), as text or a coding, e.g. from
   * `http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason`.
   */
  statusReason: z.optional(codeSchema),
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const prescriptionCreateSchema = prescriptionFields;
export const prescriptionPatchSchema = z.partial(prescriptionFields);

export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];
export type PrescriptionCreate = z.infer<typeof prescriptionFields>;
export type PrescriptionPatch = Partial<PrescriptionCreate>;
export type Dosage = z.infer<typeof dosageSchema>;
export type TimingRepeat = z.infer<typeof timingRepeatSchema>;
export type TimingDuration = z.infer<typeof timingDurationSchema>;
export type DoseQuantity = z.infer<typeof doseQuantitySchema>;
export type Substitution = z.infer<typeof substitutionSchema>;

export interface Prescription extends PrescriptionCreate {
  id: string;
  createdAt: string;
  updatedAt: string;
}
