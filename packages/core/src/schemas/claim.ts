import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import {
  amountSchema,
  CLAIM_USES,
  FINANCIAL_STATUSES,
  fhirDateTime,
  longText,
  loosePeriodSchema,
  moneySchema,
  positiveInt,
  type Stored,
} from './kit.js';

const codedEntrySchema = z.strictObject({ sequence: positiveInt(), code: shortText(500) });

/** A billed line; shared with explanations of benefit. */
export const claimItemFields = {
  sequence: positiveInt(),
  productOrService: shortText(500),
  quantity: z.optional(amountSchema),
  unitPrice: z.optional(moneySchema),
  net: z.optional(moneySchema),
};

/** `ClaimCreate` of the OpenAPI document (FHIR `Claim`). */
const claimFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  /** institutional, oral, pharmacy, professional, vision. */
  type: shortText(200),
  use: z.enum(CLAIM_USES),
  patientId: idSchema,
  /** Main date; defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** A Practitioner id. */
  providerId: idSchema,
  /** An Organization id. */
  insurerId: z.optional(idSchema),
  /** normal, immediate, deferred, stat. */
  priority: shortText(50),
  billablePeriod: z.optional(loosePeriodSchema),
  diagnosis: z.optional(z.array(codedEntrySchema).check(z.maxLength(25))),
  procedure: z.optional(
    z
      .array(z.strictObject({ ...codedEntrySchema.shape, date: z.optional(fhirDateTime) }))
      .check(z.maxLength(25)),
  ),
  insurance: z
    .array(z.strictObject({ sequence: positiveInt(), focal: z.boolean(), coverageId: idSchema }))
    .check(z.minLength(1), z.maxLength(10)),
  item: z.optional(z.array(z.strictObject(claimItemFields)).check(z.maxLength(50))),
  total: z.optional(moneySchema),
  note: z.optional(longText(5000)),
});

export const claimCreateSchema = claimFields;
export const claimPatchSchema = z.partial(claimFields);

export type ClaimCreate = z.infer<typeof claimFields>;
export type ClaimPatch = Partial<ClaimCreate>;
export type Claim = Stored<ClaimCreate>;
