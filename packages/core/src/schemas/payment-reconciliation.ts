import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import {
  FINANCIAL_STATUSES,
  fhirDate,
  fhirDateTime,
  longText,
  loosePeriodSchema,
  moneySchema,
  PROCESSING_OUTCOMES,
  type Stored,
} from './kit.js';

/** FHIR NoteType (a required binding). */
export const NOTE_TYPES = ['display', 'print', 'printoper'] as const;

const detailSchema = z.strictObject({
  type: shortText(200),
  /** The Claim id. */
  requestId: z.optional(idSchema),
  /** A Practitioner id. */
  submitterId: z.optional(idSchema),
  /** An Organization id. */
  payeeId: z.optional(idSchema),
  date: z.optional(fhirDate),
  amount: z.optional(moneySchema),
});

/** `PaymentReconciliationCreate` of the OpenAPI document (FHIR `PaymentReconciliation`). */
const paymentReconciliationFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  /** Defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** An Organization id. */
  paymentIssuerId: z.optional(idSchema),
  /** The Task id. */
  requestId: z.optional(idSchema),
  /** A Practitioner id. */
  requestorId: z.optional(idSchema),
  outcome: z.optional(z.enum(PROCESSING_OUTCOMES)),
  disposition: z.optional(longText(2000)),
  /** Main date. */
  paymentDate: fhirDate,
  paymentAmount: moneySchema,
  period: z.optional(loosePeriodSchema),
  detail: z.optional(z.array(detailSchema).check(z.maxLength(50))),
  processNote: z.optional(
    z
      .array(z.strictObject({ type: z.optional(z.enum(NOTE_TYPES)), text: shortText(5000) }))
      .check(z.maxLength(20)),
  ),
});

export const paymentReconciliationCreateSchema = paymentReconciliationFields;
export const paymentReconciliationPatchSchema = z.partial(paymentReconciliationFields);

export type PaymentReconciliationCreate = z.infer<typeof paymentReconciliationFields>;
export type PaymentReconciliationPatch = Partial<PaymentReconciliationCreate>;
export type PaymentReconciliation = Stored<PaymentReconciliationCreate>;
