import * as z from 'zod/mini';
import { codeSchema, idSchema } from './common.js';
import {
  amountSchema,
  fhirDateTime,
  ids,
  longText,
  loosePeriodSchema,
  moneySchema,
  notBoth,
  performersSchema,
  type Stored,
  texts,
} from './kit.js';

export const CHARGE_ITEM_STATUSES = [
  'planned',
  'billable',
  'not-billable',
  'aborted',
  'billed',
] as const;

/** `ChargeItemCreate` of the OpenAPI document (FHIR `ChargeItem`). */
const chargeItemFields = z.strictObject({
  status: z.enum(CHARGE_ITEM_STATUSES),
  code: codeSchema,
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  /** Main date (else `occurrencePeriod.start`, else `enteredDate`). */
  occurrenceDateTime: z.optional(fhirDateTime),
  occurrencePeriod: z.optional(loosePeriodSchema),
  performer: z.optional(performersSchema),
  performingOrganizationId: z.optional(idSchema),
  requestingOrganizationId: z.optional(idSchema),
  quantity: z.optional(amountSchema),
  bodySite: z.optional(texts(10, 500)),
  priceOverride: z.optional(moneySchema),
  overrideReason: z.optional(longText(2000)),
  enteredDate: z.optional(fhirDateTime),
  reason: z.optional(texts(10, 500)),
  accountIds: z.optional(ids(10)),
  note: z.optional(longText(5000)),
});

export const chargeItemCreateSchema = chargeItemFields.check(
  notBoth('occurrenceDateTime', 'occurrencePeriod'),
);
export const chargeItemPatchSchema = z.partial(chargeItemFields);

export type ChargeItemCreate = z.infer<typeof chargeItemFields>;
export type ChargeItemPatch = Partial<ChargeItemCreate>;
export type ChargeItem = Stored<ChargeItemCreate>;
