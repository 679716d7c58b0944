import * as z from 'zod/mini';
import { endAfterStart } from './checks.js';
import { dateSchema, idSchema, looseDateSchema, shortText } from './common.js';

/**
 * Building blocks of the simplified shapes written from ClinikAPI's OpenAPI document
 * (`clinikapi/docs`, `api-reference/openapi.yaml`, components `*Create`) for the resources added
 * in issue 16. Where the document leaves a primitive loose and FHIR R4 is strict (dates, money,
 * integers), the FHIR rule wins so that what the sandbox stores validates as R4; the sandbox
 * README lists each such deviation.
 */

/** Free text of 1 to `max` characters (not trimmed; FHIR strings are never empty), e.g. notes. */
export const longText = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** Up to `maxItems` short texts of at most `max` characters each. */
export const texts = (maxItems: number, max = 200) =>
  z.array(shortText(max)).check(z.maxLength(maxItems));

/** Up to `maxItems` ids of other records. */
export const ids = (maxItems: number) => z.array(idSchema).check(z.maxLength(maxItems));

/** Items of a list the document leaves unbounded: capped here (the 1 MB body cap is no limit). */
export const UNBOUNDED = 100;

/** FHIR `dateTime`: a date (`YYYY-MM-DD`) or an ISO 8601 date-time with offset. */
export const fhirDateTime = looseDateSchema;

/** FHIR `date`. */
export const fhirDate = dateSchema;

/** FHIR `Period` of dates or date-times; `end` may not be before `start` (FHIR per-1). */
export const loosePeriodSchema = endAfterStart(
  z.strictObject({ start: z.optional(fhirDateTime), end: z.optional(fhirDateTime) }),
  false,
);

/** FHIR `positiveInt` (1 or more) and `unsignedInt` (0 or more). */
export const positiveInt = () => z.int().check(z.gte(1));
export const unsignedInt = () => z.int().check(z.gte(0));

/** FHIR `time`, `HH:MM:SS` on a 24-hour clock. */
export const timeSchema = z
  .string()
  .check(
    z.regex(/^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)$/, { error: 'must be a time as HH:MM:SS' }),
  );

/** An absolute URL (FHIR `uri`/`url`), at most 2000 characters. */
export const urlSchema = z.url({ error: 'must be a valid URL' }).check(z.maxLength(2000));

/** FHIR `Money`: an amount and an ISO 4217 currency code. */
export const moneySchema = z.strictObject({
  value: z.number(),
  currency: z.optional(
    z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as USD' })),
  ),
});

/** FHIR `SimpleQuantity`: a value with an optional unit. */
export const amountSchema = z.strictObject({
  value: z.number(),
  unit: z.optional(shortText(50)),
});

/**
 * Another resource as text: `Type/id` (stored as a FHIR reference) or a name (stored as the
 * reference's display), e.g. Coverage `subscriberRef`, AuditEvent `agent.who`.
 */
export const referenceText = (max: number) => shortText(max);

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** FHIR RequestPriority. */
export const REQUEST_PRIORITIES = ['routine', 'urgent', 'asap', 'stat'] as const;

/** FHIR RequestIntent, as the document lists it for service and device requests. */
export const REQUEST_INTENTS = [
  'proposal',
  'plan',
  'directive',
  'order',
  'original-order',
  'reflex-order',
  'filler-order',
  'instance-order',
  'option',
] as const;

/** FHIR FinancialResourceStatusCodes, as the document lists them (no `entered-in-error`). */
export const FINANCIAL_STATUSES = ['active', 'cancelled', 'draft'] as const;

/** FHIR RemittanceOutcome (ClaimProcessingCodes). */
export const PROCESSING_OUTCOMES = ['queued', 'complete', 'error', 'partial'] as const;

/** FHIR Use of claims, claim responses and explanations of benefit. */
export const CLAIM_USES = ['claim', 'preauthorization', 'predetermination'] as const;

/** FHIR PublicationStatus, as the document lists it for definitions (no `unknown`). */
export const PUBLICATION_STATUSES = ['draft', 'active', 'retired'] as const;

/** Who performed something and in what function (charge items, medication dispenses). */
export const performersSchema = z
  .array(
    z.strictObject({
      function: z.optional(shortText(200)),
      /** A Practitioner id. */
      actorId: idSchema,
    }),
  )
  .check(z.maxLength(20));

/** A stored record: the create shape plus the server-managed fields. */
export type Stored<Create> = Create & { id: string; createdAt: string; updatedAt: string };

/**
 * Refuses a record that sets both `first` and `second`: alternatives of one FHIR choice element
 * (e.g. `occurrenceDateTime` / `occurrencePeriod` are `occurrence[x]`) or an invariant (fhs-1).
 */
export function notBoth<K extends string>(first: K, second: K) {
  return z.refine<Partial<Record<K, unknown>>>(
    (value) => value[first] === undefined || value[second] === undefined,
    { error: `must not be given with ${first}`, path: [second] },
  );
}

/** Refuses a record that sets `dependent` without `required` (e.g. FHIR fhs-2). */
export function onlyWith<K extends string>(dependent: K, required: K) {
  return z.refine<Partial<Record<K, unknown>>>(
    (value) => value[dependent] === undefined || value[required] !== undefined,
    { error: `may only be given with ${required}`, path: [dependent] },
  );
}
