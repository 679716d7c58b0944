import * as z from 'zod/mini';
import { claimItemFields } from './claim.js';
import {
  adjudicatedTotalSchema,
  adjudicationSchema,
  paymentFields,
  processNoteSchema,
} from './claim-response.js';
import { idSchema, shortText } from './common.js';
import {
  CLAIM_USES,
  FINANCIAL_STATUSES,
  fhirDateTime,
  longText,
  loosePeriodSchema,
  PROCESSING_OUTCOMES,
  type Stored,
} from './kit.js';

/** `EOBCreate` of the OpenAPI document (FHIR `ExplanationOfBenefit`). */
const eobFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  /** institutional, oral, pharmacy, professional, vision. */
  type: shortText(200),
  use: z.enum(CLAIM_USES),
  patientId: idSchema,
  /** Defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** An Organization id. */
  insurerId: idSchema,
  /** A Practitioner id. */
  providerId: idSchema,
  outcome: z.enum(PROCESSING_OUTCOMES),
  disposition: z.optional(longText(2000)),
  claimId: z.optional(idSchema),
  claimResponseId: z.optional(idSchema),
  billablePeriod: z.optional(loosePeriodSchema),
  insurance: z
    .array(z.strictObject({ focal: z.boolean(), coverageId: idSchema }))
    .check(z.minLength(1), z.maxLength(10)),
  item: z.optional(
    z
      .array(
        z.strictObject({
          ...claimItemFields,
          adjudication: z.optional(z.array(adjudicationSchema).check(z.maxLength(20))),
        }),
      )
      .check(z.maxLength(50)),
  ),
  total: z.optional(z.array(adjudicatedTotalSchema).check(z.maxLength(10))),
  /** Unlike a claim response's, every part is optional here (as in FHIR). */
  payment: z.optional(
    z.strictObject({
      type: z.optional(paymentFields.type),
      amount: z.optional(paymentFields.amount),
      date: paymentFields.date,
    }),
  ),
  processNote: z.optional(z.array(processNoteSchema).check(z.maxLength(20))),
});

export const eobCreateSchema = eobFields;
export const eobPatchSchema = z.partial(eobFields);

export type ExplanationOfBenefitCreate = z.infer<typeof eobFields>;
export type ExplanationOfBenefitPatch = Partial<ExplanationOfBenefitCreate>;
export type ExplanationOfBenefit = Stored<ExplanationOfBenefitCreate>;
