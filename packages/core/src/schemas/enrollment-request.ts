import * as z from 'zod/mini';
import { idSchema } from './common.js';
import { FINANCIAL_STATUSES, fhirDateTime, type Stored } from './kit.js';

/** `EnrollmentRequestCreate` of the OpenAPI document (FHIR `EnrollmentRequest`). */
const enrollmentRequestFields = z.strictObject({
  status: z.optional(z.enum(FINANCIAL_STATUSES)),
  created: z.optional(fhirDateTime),
  /** An Organization id. */
  insurerId: z.optional(idSchema),
  /** A Practitioner id. */
  providerId: z.optional(idSchema),
  /** The patient to enroll: patient portals see the requests naming them. */
  candidateId: idSchema,
  coverageId: z.optional(idSchema),
});

export const enrollmentRequestCreateSchema = enrollmentRequestFields;
export const enrollmentRequestPatchSchema = z.partial(enrollmentRequestFields);

export type EnrollmentRequestCreate = z.infer<typeof enrollmentRequestFields>;
export type EnrollmentRequestPatch = Partial<EnrollmentRequestCreate>;
export type EnrollmentRequest = Stored<EnrollmentRequestCreate>;
