import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import {
  CLAIM_USES,
  FINANCIAL_STATUSES,
  fhirDate,
  fhirDateTime,
  longText,
  moneySchema,
  PROCESSING_OUTCOMES,
  positiveInt,
  type Stored,
} from './kit.js';

/** An adjudication line; shared with explanations of benefit. */
export const adjudicationSchema = z.strictObject({
  category: shortText(200),
  amount: z.optional(moneySchema),
});

/** A total by category; shared with explanations of benefit. */
export const adjudicatedTotalSchema = z.strictObject({
  category: shortText(200),
  amount: moneySchema,
});

/** A note from the processor; shared with explanations of benefit. */
export const processNoteSchema = z.strictObject({
  number: z.optional(positiveInt()),
  text: shortText(2000),
});

/** The payment of a response; `type` and `amount` are FHIR-required. */
export const paymentFields = {
  type: shortText(200),
  amount: moneySchema,
  date: z.optional(fhirDate),
};

/** `ClaimResponseCreate` of the OpenAPI document (FHIR `ClaimResponse`). */
const claimResponseFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  type: shortText(200),
  use: z.enum(CLAIM_USES),
  patientId: idSchema,
  /** Defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** An Organization id. */
  insurerId: idSchema,
  /** The Claim this answers (searched as `requestId`). */
  requestId: z.optional(idSchema),
  outcome: z.enum(PROCESSING_OUTCOMES),
  disposition: z.optional(longText(2000)),
  preAuthRef: z.optional(shortText(500)),
  payeeType: z.optional(shortText(200)),
  item: z.optional(
    z
      .array(
        z.strictObject({
          itemSequence: positiveInt(),
          adjudication: z.array(adjudicationSchema).check(z.minLength(1), z.maxLength(20)),
        }),
      )
      .check(z.maxLength(50)),
  ),
  total: z.optional(z.array(adjudicatedTotalSchema).check(z.maxLength(10))),
  payment: z.optional(z.strictObject(paymentFields)),
  processNote: z.optional(z.array(processNoteSchema).check(z.maxLength(20))),
  note: z.optional(longText(5000)),
});

export const claimResponseCreateSchema = claimResponseFields;
export const claimResponsePatchSchema = z.partial(claimResponseFields);

export type ClaimResponseCreate = z.infer<typeof claimResponseFields>;
export type ClaimResponsePatch = Partial<ClaimResponseCreate>;
export type ClaimResponse = Stored<ClaimResponseCreate>;
