import * as z from 'zod/mini';
import { idSchema } from './common.js';
import {
  FINANCIAL_STATUSES,
  fhirDateTime,
  longText,
  PROCESSING_OUTCOMES,
  type Stored,
} from './kit.js';

/** `EnrollmentResponseCreate` of the OpenAPI document (FHIR `EnrollmentResponse`). */
const enrollmentResponseFields = z.strictObject({
  status: z.optional(z.enum(FINANCIAL_STATUSES)),
  /** The EnrollmentRequest id. */
  requestId: z.optional(idSchema),
  outcome: z.optional(z.enum(PROCESSING_OUTCOMES)),
  disposition: z.optional(longText(2000)),
  created: z.optional(fhirDateTime),
  /** The insurer (Organization id). */
  organizationId: z.optional(idSchema),
  /** A Practitioner id. */
  requestProviderId: z.optional(idSchema),
});

export const enrollmentResponseCreateSchema = enrollmentResponseFields;
export const enrollmentResponsePatchSchema = z.partial(enrollmentResponseFields);

export type EnrollmentResponseCreate = z.infer<typeof enrollmentResponseFields>;
export type EnrollmentResponsePatch = Partial<EnrollmentResponseCreate>;
export type EnrollmentResponse = Stored<EnrollmentResponseCreate>;
