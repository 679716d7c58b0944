import * as z from 'zod/mini';
import { dateTimeSchema, idSchema, shortText } from './common.js';
import { fhirDateTime, ids, longText, positiveInt, type Stored, texts, urlSchema } from './kit.js';

export const MEDIA_STATUSES = [
  'preparation',
  'in-progress',
  'not-done',
  'on-hold',
  'stopped',
  'completed',
] as const;

/** The image, video or recording: inline base64 `data` (within the 1 MB body cap) or a `url`. */
const mediaContentSchema = z.strictObject({
  contentType: shortText(200),
  data: z.optional(z.base64({ error: 'must be base64' }).check(z.maxLength(10_000_000))),
  url: z.optional(urlSchema),
  title: z.optional(shortText(500)),
});

/** `MediaCreate` of the OpenAPI document (FHIR `Media`). */
const mediaFields = z.strictObject({
  status: z.enum(MEDIA_STATUSES),
  type: z.optional(shortText(200)),
  modality: z.optional(shortText(200)),
  view: z.optional(shortText(200)),
  /** The patient pictured: patient portals see their own media. */
  patientId: z.optional(idSchema),
  encounterId: z.optional(idSchema),
  /** Main date (else `issued`). */
  createdDateTime: z.optional(fhirDateTime),
  /** An instant (FHIR `instant`). */
  issued: z.optional(dateTimeSchema),
  /** A Practitioner id. */
  operatorId: z.optional(idSchema),
  reasonCode: z.optional(texts(10, 500)),
  bodySite: z.optional(shortText(200)),
  deviceName: z.optional(shortText(500)),
  deviceId: z.optional(idSchema),
  height: z.optional(positiveInt()),
  width: z.optional(positiveInt()),
  frames: z.optional(positiveInt()),
  /** Seconds. */
  duration: z.optional(z.number().check(z.gte(0))),
  content: mediaContentSchema,
  note: z.optional(longText(5000)),
  /** ServiceRequest ids. */
  basedOn: z.optional(ids(10)),
});

export const mediaCreateSchema = mediaFields;
export const mediaPatchSchema = z.partial(mediaFields);

export type MediaCreate = z.infer<typeof mediaFields>;
export type MediaPatch = Partial<MediaCreate>;
export type Media = Stored<MediaCreate>;
