import * as z from 'zod/mini';
import { codeSchema, dateTimeSchema, idSchema, shortText } from './common.js';
import {
  ids,
  longText,
  loosePeriodSchema,
  notBoth,
  REQUEST_INTENTS,
  REQUEST_PRIORITIES,
  type Stored,
  texts,
  UNBOUNDED,
} from './kit.js';

export const SERVICE_REQUEST_STATUSES = [
  'draft',
  'active',
  'on-hold',
  'revoked',
  'completed',
] as const;

/** `ServiceRequestCreate` of the OpenAPI document (FHIR `ServiceRequest`). */
const serviceRequestFields = z.strictObject({
  status: z.enum(SERVICE_REQUEST_STATUSES),
  intent: z.enum(REQUEST_INTENTS),
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  /** What is requested: text or a `{system, code, display}` coding. */
  code: z.optional(codeSchema),
  category: z.optional(texts(UNBOUNDED)),
  priority: z.optional(z.enum(REQUEST_PRIORITIES)),
  doNotPerform: z.optional(z.boolean()),
  /** Main date (else `occurrencePeriod.start`, else `authoredOn`). */
  occurrenceDateTime: z.optional(dateTimeSchema),
  occurrencePeriod: z.optional(loosePeriodSchema),
  asNeeded: z.optional(z.boolean()),
  authoredOn: z.optional(dateTimeSchema),
  requesterId: z.optional(idSchema),
  performerType: z.optional(shortText(200)),
  /** Practitioner ids (searched as `performerId`). */
  performerIds: z.optional(ids(UNBOUNDED)),
  reasonCode: z.optional(texts(UNBOUNDED, 500)),
  bodySite: z.optional(texts(UNBOUNDED)),
  note: z.optional(longText(2000)),
  patientInstruction: z.optional(longText(2000)),
  /** ServiceRequest ids. */
  basedOn: z.optional(ids(UNBOUNDED)),
  replaces: z.optional(ids(UNBOUNDED)),
});

export const serviceRequestCreateSchema = serviceRequestFields.check(
  notBoth('occurrenceDateTime', 'occurrencePeriod'),
);
export const serviceRequestPatchSchema = z.partial(serviceRequestFields);

export type ServiceRequestCreate = z.infer<typeof serviceRequestFields>;
export type ServiceRequestPatch = Partial<ServiceRequestCreate>;
export type ServiceRequest = Stored<ServiceRequestCreate>;
