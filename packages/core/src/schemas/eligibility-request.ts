import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import {
  FINANCIAL_STATUSES,
  fhirDate,
  fhirDateTime,
  loosePeriodSchema,
  notBoth,
  type Stored,
} from './kit.js';

/** FHIR EligibilityRequestPurpose / EligibilityResponsePurpose (a required binding). */
export const ELIGIBILITY_PURPOSES = [
  'auth-requirements',
  'benefits',
  'discovery',
  'validation',
] as const;

export const eligibilityPurposesSchema = z
  .array(z.enum(ELIGIBILITY_PURPOSES))
  .check(z.minLength(1), z.maxLength(10));

/** `EligibilityRequestCreate` of the OpenAPI document (FHIR `CoverageEligibilityRequest`). */
const eligibilityRequestFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  purpose: eligibilityPurposesSchema,
  patientId: idSchema,
  /** Main date; defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** An Organization id. */
  insurerId: idSchema,
  /** A Practitioner id. */
  providerId: z.optional(idSchema),
  servicedDate: z.optional(fhirDate),
  servicedPeriod: z.optional(loosePeriodSchema),
  insurance: z.optional(
    z
      .array(z.strictObject({ focal: z.optional(z.boolean()), coverageId: idSchema }))
      .check(z.maxLength(10)),
  ),
  item: z.optional(
    z
      .array(
        z.strictObject({
          category: z.optional(shortText(500)),
          productOrService: z.optional(shortText(500)),
        }),
      )
      .check(z.maxLength(25)),
  ),
});

export const eligibilityRequestCreateSchema = eligibilityRequestFields.check(
  notBoth('servicedDate', 'servicedPeriod'),
);
export const eligibilityRequestPatchSchema = z.partial(eligibilityRequestFields);

export type EligibilityRequestCreate = z.infer<typeof eligibilityRequestFields>;
export type EligibilityRequestPatch = Partial<EligibilityRequestCreate>;
export type EligibilityRequest = Stored<EligibilityRequestCreate>;
