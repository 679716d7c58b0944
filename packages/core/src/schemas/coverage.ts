import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import {
  FINANCIAL_STATUSES,
  ids,
  loosePeriodSchema,
  positiveInt,
  referenceText,
  type Stored,
} from './kit.js';

/** `CoverageCreate` of the OpenAPI document (FHIR `Coverage`). */
const coverageFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  /** The beneficiary: patient portals see the coverages naming them. */
  patientId: idSchema,
  /** medical, dental, vision, pharmacy. */
  type: z.optional(shortText(200)),
  /** The subscriber's member id at the payor. */
  subscriberId: z.optional(shortText(200)),
  /** `Patient/<id>` (or a name): who holds the subscription. */
  subscriberRef: z.optional(referenceText(200)),
  policyHolderRef: z.optional(referenceText(200)),
  /** self, spouse, child, other. */
  relationship: z.optional(shortText(100)),
  period: z.optional(loosePeriodSchema),
  /** Organization ids (searched as `payorId`). */
  payorIds: ids(10).check(z.minLength(1)),
  class: z.optional(
    z
      .array(
        z.strictObject({
          type: shortText(200),
          value: shortText(200),
          name: z.optional(shortText(500)),
        }),
      )
      .check(z.maxLength(20)),
  ),
  order: z.optional(positiveInt()),
  network: z.optional(shortText(500)),
  dependent: z.optional(shortText(200)),
  subrogation: z.optional(z.boolean()),
});

export const coverageCreateSchema = coverageFields;
export const coveragePatchSchema = z.partial(coverageFields);

export type CoverageCreate = z.infer<typeof coverageFields>;
export type CoveragePatch = Partial<CoverageCreate>;
export type Coverage = Stored<CoverageCreate>;
