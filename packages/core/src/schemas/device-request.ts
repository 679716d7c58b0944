import * as z from 'zod/mini';
import { codeSchema, idSchema, shortText } from './common.js';
import {
  fhirDateTime,
  ids,
  longText,
  loosePeriodSchema,
  notBoth,
  REQUEST_INTENTS,
  REQUEST_PRIORITIES,
  type Stored,
  texts,
} from './kit.js';
import { SERVICE_REQUEST_STATUSES } from './service-request.js';

/** `DeviceRequestCreate` of the OpenAPI document (FHIR `DeviceRequest`). */
const deviceRequestFields = z.strictObject({
  intent: z.enum(REQUEST_INTENTS),
  /** The device requested: text or a `{system, code, display}` coding. */
  code: codeSchema,
  patientId: idSchema,
  status: z.optional(z.enum(SERVICE_REQUEST_STATUSES)),
  encounterId: z.optional(idSchema),
  priority: z.optional(z.enum(REQUEST_PRIORITIES)),
  occurrenceDateTime: z.optional(fhirDateTime),
  occurrencePeriod: z.optional(loosePeriodSchema),
  authoredOn: z.optional(fhirDateTime),
  requesterId: z.optional(idSchema),
  performerId: z.optional(idSchema),
  performerType: z.optional(shortText(200)),
  reasonCode: z.optional(texts(20, 500)),
  note: z.optional(longText(5000)),
  /** ServiceRequest ids. */
  basedOn: z.optional(ids(20)),
});

export const deviceRequestCreateSchema = deviceRequestFields.check(
  notBoth('occurrenceDateTime', 'occurrencePeriod'),
);
export const deviceRequestPatchSchema = z.partial(deviceRequestFields);

export type DeviceRequestCreate = z.infer<typeof deviceRequestFields>;
export type DeviceRequestPatch = Partial<DeviceRequestCreate>;
export type DeviceRequest = Stored<DeviceRequestCreate>;
