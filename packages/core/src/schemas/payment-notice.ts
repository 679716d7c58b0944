import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { FINANCIAL_STATUSES, fhirDate, fhirDateTime, moneySchema, type Stored } from './kit.js';

/** `PaymentNoticeCreate` of the OpenAPI document (FHIR `PaymentNotice`). */
const paymentNoticeFields = z.strictObject({
  status: z.enum(FINANCIAL_STATUSES),
  /** Main date; defaults to the time of the write (FHIR requires it). */
  created: z.optional(fhirDateTime),
  /** A Practitioner id. */
  providerId: z.optional(idSchema),
  /** The PaymentReconciliation id. */
  paymentId: idSchema,
  paymentDate: z.optional(fhirDate),
  /** An Organization id. */
  payeeId: z.optional(idSchema),
  /** An Organization id. */
  recipientId: idSchema,
  amount: moneySchema,
  paymentStatus: z.optional(shortText(100)),
  /** The Claim id. */
  requestId: z.optional(idSchema),
  /** The ClaimResponse id. */
  responseId: z.optional(idSchema),
});

export const paymentNoticeCreateSchema = paymentNoticeFields;
export const paymentNoticePatchSchema = z.partial(paymentNoticeFields);

export type PaymentNoticeCreate = z.infer<typeof paymentNoticeFields>;
export type PaymentNoticePatch = Partial<PaymentNoticeCreate>;
export type PaymentNotice = Stored<PaymentNoticeCreate>;
