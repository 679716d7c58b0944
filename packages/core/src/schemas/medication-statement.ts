import * as z from 'zod/mini';
import { codeSchema, idSchema, shortText } from './common.js';
import {
  fhirDateTime,
  ids,
  longText,
  loosePeriodSchema,
  notBoth,
  type Stored,
  texts,
} from './kit.js';

export const MEDICATION_STATEMENT_STATUSES = [
  'active',
  'completed',
  'stopped',
  'on-hold',
  'intended',
  'not-taken',
] as const;

/** `MedicationStatementCreate` of the OpenAPI document (FHIR `MedicationStatement`). */
const medicationStatementFields = z.strictObject({
  status: z.enum(MEDICATION_STATEMENT_STATUSES),
  /** Text or a `{system, code, display}` coding (e.g. RxNorm). */
  medication: codeSchema,
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  statusReason: z.optional(texts(10, 500)),
  category: z.optional(shortText(200)),
  effectiveDateTime: z.optional(fhirDateTime),
  effectivePeriod: z.optional(loosePeriodSchema),
  dateAsserted: z.optional(fhirDateTime),
  /** Who reported it (a Patient id). */
  informationSourceId: z.optional(idSchema),
  reasonCode: z.optional(texts(10, 500)),
  dosageText: z.optional(longText(2000)),
  note: z.optional(longText(5000)),
  /** Prescription (MedicationRequest) ids. */
  basedOn: z.optional(ids(10)),
  /** MedicationDispense ids. */
  partOf: z.optional(ids(10)),
});

export const medicationStatementCreateSchema = medicationStatementFields.check(
  notBoth('effectiveDateTime', 'effectivePeriod'),
);
export const medicationStatementPatchSchema = z.partial(medicationStatementFields);

export type MedicationStatementCreate = z.infer<typeof medicationStatementFields>;
export type MedicationStatementPatch = Partial<MedicationStatementCreate>;
export type MedicationStatement = Stored<MedicationStatementCreate>;
