import * as z from 'zod/mini';
import { emailSchema, idSchema, phoneSchema, shortText } from './common.js';
import {
  longText,
  loosePeriodSchema,
  type Stored,
  texts,
  timeSchema,
  UNBOUNDED,
  WEEKDAYS,
} from './kit.js';

const availableTimeSchema = z.strictObject({
  daysOfWeek: z.optional(z.array(z.enum(WEEKDAYS)).check(z.maxLength(7))),
  allDay: z.optional(z.boolean()),
  availableStartTime: z.optional(timeSchema),
  availableEndTime: z.optional(timeSchema),
});

const notAvailableSchema = z.strictObject({
  description: shortText(2000),
  during: z.optional(loosePeriodSchema),
});

/** `HealthcareServiceCreate` of the OpenAPI document (FHIR `HealthcareService`). */
const healthcareServiceFields = z.strictObject({
  /** Matched by the partial `name` search. */
  name: shortText(500),
  /** Absent means active, also for the `active` search. */
  active: z.optional(z.boolean()),
  /** Organization that provides this service. */
  providedById: z.optional(idSchema),
  category: z.optional(texts(UNBOUNDED)),
  type: z.optional(texts(UNBOUNDED)),
  specialty: z.optional(texts(UNBOUNDED)),
  /** Location names (stored as display-only Location references). */
  locationNames: z.optional(texts(UNBOUNDED)),
  comment: z.optional(longText(2000)),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  appointmentRequired: z.optional(z.boolean()),
  availableTime: z.optional(z.array(availableTimeSchema).check(z.maxLength(UNBOUNDED))),
  notAvailable: z.optional(z.array(notAvailableSchema).check(z.maxLength(UNBOUNDED))),
  availabilityExceptions: z.optional(longText(1000)),
  program: z.optional(texts(UNBOUNDED)),
  referralMethod: z.optional(texts(UNBOUNDED)),
  communication: z.optional(texts(UNBOUNDED)),
});

export const healthcareServiceCreateSchema = healthcareServiceFields;
export const healthcareServicePatchSchema = z.partial(healthcareServiceFields);

export type HealthcareServiceCreate = z.infer<typeof healthcareServiceFields>;
export type HealthcareServicePatch = Partial<HealthcareServiceCreate>;
export type HealthcareService = Stored<HealthcareServiceCreate>;
