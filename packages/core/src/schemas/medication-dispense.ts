import * as z from 'zod/mini';
import { codeSchema, idSchema, shortText } from './common.js';
import { amountSchema, fhirDateTime, ids, longText, performersSchema, type Stored } from './kit.js';

export const MEDICATION_DISPENSE_STATUSES = [
  'preparation',
  'in-progress',
  'cancelled',
  'on-hold',
  'completed',
  'stopped',
  'declined',
] as const;

/** `MedicationDispenseCreate` of the OpenAPI document (FHIR `MedicationDispense`). */
const medicationDispenseFields = z.strictObject({
  status: z.enum(MEDICATION_DISPENSE_STATUSES),
  /** Text or a `{system, code, display}` coding (e.g. RxNorm). */
  medication: codeSchema,
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  statusReasonCodeableConcept: z.optional(shortText(500)),
  category: z.optional(shortText(200)),
  performer: z.optional(performersSchema),
  locationId: z.optional(idSchema),
  /** Prescription (MedicationRequest) ids. */
  authorizingPrescriptionIds: z.optional(ids(10)),
  type: z.optional(shortText(200)),
  quantity: z.optional(amountSchema),
  /** Days of supply (stored as a UCUM `d` quantity). */
  daysSupply: z.optional(z.number().check(z.gte(0))),
  whenPrepared: z.optional(fhirDateTime),
  whenHandedOver: z.optional(fhirDateTime),
  dosageText: z.optional(longText(2000)),
  substitution: z.optional(
    z.strictObject({
      wasSubstituted: z.boolean(),
      type: z.optional(shortText(200)),
      reason: z.optional(shortText(500)),
    }),
  ),
  note: z.optional(longText(5000)),
});

export const medicationDispenseCreateSchema = medicationDispenseFields;
export const medicationDispensePatchSchema = z.partial(medicationDispenseFields);

export type MedicationDispenseCreate = z.infer<typeof medicationDispenseFields>;
export type MedicationDispensePatch = Partial<MedicationDispenseCreate>;
export type MedicationDispense = Stored<MedicationDispenseCreate>;
