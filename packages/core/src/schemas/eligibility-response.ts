import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { eligibilityPurposesSchema } from './eligibility-request.js';
import {
  FINANCIAL_STATUSES,
  fhirDateTime,
  longText,
  loosePeriodSchema,
  PROCESSING_OUTCOMES,
  type Stored,
} from './kit.js';

/** `EligibilityResponseCreate` of the OpenAPI document (FHIR `CoverageEligibilityResponse`). */
const eligibilityResponseFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  purpose: eligibilityPurposesSchema,
  patientId: idSchema,
  /** Defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** The eligibility request answered (searched as `requestId`). */
  requestId: idSchema,
  outcome: z.enum(PROCESSING_OUTCOMES),
  /** An Organization id. */
  insurerId: idSchema,
  disposition: z.optional(longText(2000)),
  insurance: z.optional(
    z
      .array(
        z.strictObject({
          coverageId: idSchema,
          inforce: z.optional(z.boolean()),
          benefitPeriod: z.optional(loosePeriodSchema),
        }),
      )
      .check(z.maxLength(10)),
  ),
  preAuthRef: z.optional(shortText(500)),
  error: z.optional(z.array(z.strictObject({ code: shortText(500) })).check(z.maxLength(20))),
});

export const eligibilityResponseCreateSchema = eligibilityResponseFields;
export const eligibilityResponsePatchSchema = z.partial(eligibilityResponseFields);

export type EligibilityResponseCreate = z.infer<typeof eligibilityResponseFields>;
export type EligibilityResponsePatch = Partial<EligibilityResponseCreate>;
export type EligibilityResponse = Stored<EligibilityResponseCreate>;
