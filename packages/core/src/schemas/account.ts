import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { longText, loosePeriodSchema, positiveInt, type Stored, UNBOUNDED } from './kit.js';

/** The document's Account statuses (FHIR AccountStatus without `entered-in-error`, `unknown`). */
export const ACCOUNT_STATUSES = ['active', 'inactive', 'on-hold'] as const;

/** `AccountCreate` of the OpenAPI document (FHIR `Account`). */
const accountFields = z.strictObject({
  status: z.enum(ACCOUNT_STATUSES),
  /** e.g. `patient`, `expense`, `depreciation`. */
  type: z.optional(shortText(200)),
  name: z.optional(shortText(500)),
  /** The patient the account is for: patient portals see their own. */
  patientId: z.optional(idSchema),
  servicePeriod: z.optional(loosePeriodSchema),
  coverage: z.optional(
    z
      .array(z.strictObject({ coverageId: idSchema, priority: z.optional(positiveInt()) }))
      .check(z.maxLength(UNBOUNDED)),
  ),
  /** Organization managing the account. */
  ownerId: z.optional(idSchema),
  description: z.optional(longText(2000)),
  guarantor: z.optional(
    z
      .array(
        z.strictObject({
          /** A Patient id. */
          partyId: idSchema,
          onHold: z.optional(z.boolean()),
          period: z.optional(loosePeriodSchema),
        }),
      )
      .check(z.maxLength(UNBOUNDED)),
  ),
  /** Parent account id. */
  partOfId: z.optional(idSchema),
});

export const accountCreateSchema = accountFields;
export const accountPatchSchema = z.partial(accountFields);

export type AccountCreate = z.infer<typeof accountFields>;
export type AccountPatch = Partial<AccountCreate>;
export type Account = Stored<AccountCreate>;
