import * as z from 'zod/mini';
import { codeSchema, idSchema, shortText } from './common.js';
import { definitionFields } from './definition.js';
import {
  amountSchema,
  fhirDateTime,
  loosePeriodSchema,
  notBoth,
  REQUEST_PRIORITIES,
  type Stored,
  texts,
} from './kit.js';

/** FHIR RequestResourceType: what the activity creates (a required binding). */
export const ACTIVITY_KINDS = [
  'Appointment',
  'AppointmentResponse',
  'CarePlan',
  'Claim',
  'CommunicationRequest',
  'Contract',
  'DeviceRequest',
  'EnrollmentRequest',
  'ImmunizationRecommendation',
  'MedicationRequest',
  'NutritionOrder',
  'ServiceRequest',
  'SupplyRequest',
  'Task',
  'VisionPrescription',
] as const;

/** FHIR ActionParticipantType (a required binding). */
export const ACTIVITY_PARTICIPANT_TYPES = [
  'patient',
  'practitioner',
  'related-person',
  'device',
] as const;

/** `ActivityDefinitionCreate` of the OpenAPI document (FHIR `ActivityDefinition`). */
const activityDefinitionFields = z.strictObject({
  ...definitionFields,
  kind: z.optional(z.enum(ACTIVITY_KINDS)),
  code: z.optional(codeSchema),
  intent: z.optional(z.enum(['proposal', 'plan', 'directive', 'order'])),
  priority: z.optional(z.enum(REQUEST_PRIORITIES)),
  doNotPerform: z.optional(z.boolean()),
  timingDateTime: z.optional(fhirDateTime),
  timingPeriod: z.optional(loosePeriodSchema),
  locationId: z.optional(idSchema),
  participant: z.optional(
    z
      .array(
        z.strictObject({
          type: z.enum(ACTIVITY_PARTICIPANT_TYPES),
          role: z.optional(shortText(200)),
        }),
      )
      .check(z.maxLength(20)),
  ),
  quantity: z.optional(amountSchema),
  bodySite: z.optional(texts(10)),
});

export const activityDefinitionCreateSchema = activityDefinitionFields.check(
  notBoth('timingDateTime', 'timingPeriod'),
);
export const activityDefinitionPatchSchema = z.partial(activityDefinitionFields);

export type ActivityDefinitionCreate = z.infer<typeof activityDefinitionFields>;
export type ActivityDefinitionPatch = Partial<ActivityDefinitionCreate>;
export type ActivityDefinition = Stored<ActivityDefinitionCreate>;
