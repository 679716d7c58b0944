import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { fhirDateTime, longText, moneySchema, positiveInt, type Stored } from './kit.js';

export const INVOICE_STATUSES = ['draft', 'issued', 'balanced', 'cancelled'] as const;

/** FHIR InvoicePriceComponentType (a required binding). */
export const PRICE_COMPONENT_TYPES = [
  'base',
  'surcharge',
  'deduction',
  'discount',
  'tax',
  'informational',
] as const;

const lineItemSchema = z.strictObject({
  sequence: z.optional(positiveInt()),
  chargeItemCode: shortText(500),
  priceComponent: z.optional(
    z
      .array(
        z.strictObject({
          type: z.enum(PRICE_COMPONENT_TYPES),
          amount: z.optional(moneySchema),
        }),
      )
      .check(z.maxLength(10)),
  ),
});

/** `InvoiceCreate` of the OpenAPI document (FHIR `Invoice`). */
const invoiceFields = z.strictObject({
  status: z.enum(INVOICE_STATUSES),
  /** The patient billed for: patient portals see their own invoices. */
  patientId: z.optional(idSchema),
  type: z.optional(shortText(200)),
  /** A Patient id. */
  recipientId: z.optional(idSchema),
  /** Main date. */
  date: z.optional(fhirDateTime),
  /** An Organization id. */
  issuerId: z.optional(idSchema),
  accountId: z.optional(idSchema),
  participant: z.optional(
    z
      .array(
        z.strictObject({
          role: z.optional(shortText(200)),
          /** A Practitioner id. */
          actorId: idSchema,
        }),
      )
      .check(z.maxLength(20)),
  ),
  lineItem: z.optional(z.array(lineItemSchema).check(z.maxLength(50))),
  totalNet: z.optional(moneySchema),
  totalGross: z.optional(moneySchema),
  paymentTerms: z.optional(longText(2000)),
  cancelledReason: z.optional(longText(1000)),
  note: z.optional(longText(5000)),
});

export const invoiceCreateSchema = invoiceFields;
export const invoicePatchSchema = z.partial(invoiceFields);

export type InvoiceCreate = z.infer<typeof invoiceFields>;
export type InvoicePatch = Partial<InvoiceCreate>;
export type Invoice = Stored<InvoiceCreate>;
