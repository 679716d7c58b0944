import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { amountSchema, fhirDateTime, ids, longText, type Stored, texts } from './kit.js';

export const SPECIMEN_STATUSES = ['available', 'unavailable', 'unsatisfactory'] as const;

const containerSchema = z.strictObject({
  description: z.optional(shortText(500)),
  type: z.optional(shortText(200)),
  capacity: z.optional(amountSchema),
  specimenQuantity: z.optional(amountSchema),
});

/** `SpecimenCreate` of the OpenAPI document (FHIR `Specimen`). */
const specimenFields = z.strictObject({
  status: z.optional(z.enum(SPECIMEN_STATUSES)),
  type: z.optional(shortText(200)),
  /** The patient sampled: patient portals see their own specimens. */
  patientId: idSchema,
  receivedTime: z.optional(fhirDateTime),
  /** Parent Specimen ids. */
  parentIds: z.optional(ids(10)),
  /** ServiceRequest ids. */
  requestIds: z.optional(ids(10)),
  collection: z.optional(
    z.strictObject({
      /** A Practitioner id. */
      collectorId: z.optional(idSchema),
      /** Main date (else `receivedTime`). */
      collectedDateTime: z.optional(fhirDateTime),
      quantity: z.optional(amountSchema),
      method: z.optional(shortText(200)),
      bodySite: z.optional(shortText(200)),
    }),
  ),
  container: z.optional(z.array(containerSchema).check(z.maxLength(20))),
  condition: z.optional(texts(10)),
  note: z.optional(longText(5000)),
});

export const specimenCreateSchema = specimenFields;
export const specimenPatchSchema = z.partial(specimenFields);

export type SpecimenCreate = z.infer<typeof specimenFields>;
export type SpecimenPatch = Partial<SpecimenCreate>;
export type Specimen = Stored<SpecimenCreate>;
