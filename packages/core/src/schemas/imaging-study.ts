import * as z from 'zod/mini';
import { idSchema, shortText } from './common.js';
import { fhirDateTime, ids, longText, type Stored, texts, unsignedInt } from './kit.js';

export const IMAGING_STUDY_STATUSES = ['registered', 'available', 'cancelled'] as const;

const seriesSchema = z.strictObject({
  /** DICOM series instance UID. */
  uid: shortText(200),
  number: z.optional(unsignedInt()),
  /** DICOM modality code, e.g. `CT`. */
  modality: shortText(50),
  description: z.optional(shortText(500)),
  numberOfInstances: z.optional(unsignedInt()),
  bodySite: z.optional(shortText(200)),
  laterality: z.optional(shortText(100)),
  started: z.optional(fhirDateTime),
});

/** `ImagingStudyCreate` of the OpenAPI document (FHIR `ImagingStudy`). */
const imagingStudyFields = z.strictObject({
  status: z.enum(IMAGING_STUDY_STATUSES),
  patientId: idSchema,
  encounterId: z.optional(idSchema),
  /** DICOM modality codes (searched as `modality`). */
  modality: z.optional(texts(20, 50)),
  /** Main date. */
  started: z.optional(fhirDateTime),
  /** A Practitioner id. */
  referrerId: z.optional(idSchema),
  interpreterIds: z.optional(ids(10)),
  numberOfSeries: z.optional(unsignedInt()),
  numberOfInstances: z.optional(unsignedInt()),
  procedureCode: z.optional(texts(10, 500)),
  locationId: z.optional(idSchema),
  reasonCode: z.optional(texts(10, 500)),
  description: z.optional(longText(2000)),
  note: z.optional(longText(5000)),
  /** ServiceRequest ids. */
  basedOn: z.optional(ids(10)),
  series: z.optional(z.array(seriesSchema).check(z.maxLength(50))),
});

export const imagingStudyCreateSchema = imagingStudyFields;
export const imagingStudyPatchSchema = z.partial(imagingStudyFields);

export type ImagingStudyCreate = z.infer<typeof imagingStudyFields>;
export type ImagingStudyPatch = Partial<ImagingStudyCreate>;
export type ImagingStudy = Stored<ImagingStudyCreate>;
