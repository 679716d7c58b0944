import * as z from 'zod/mini';
import { addressSchema, emailSchema, idSchema, phoneSchema, shortText } from './common.js';
import { longText, type Stored, texts, timeSchema, WEEKDAYS } from './kit.js';

export const LOCATION_STATUSES = ['active', 'suspended', 'inactive'] as const;
export const LOCATION_MODES = ['instance', 'kind'] as const;

const hoursSchema = z.strictObject({
  daysOfWeek: z.optional(z.array(z.enum(WEEKDAYS)).check(z.maxLength(7))),
  allDay: z.optional(z.boolean()),
  openingTime: z.optional(timeSchema),
  closingTime: z.optional(timeSchema),
});

/** GPS coordinates (WGS84); FHIR requires longitude and latitude. */
const positionSchema = z.strictObject({
  longitude: z.number().check(z.gte(-180), z.lte(180)),
  latitude: z.number().check(z.gte(-90), z.lte(90)),
  altitude: z.optional(z.number()),
});

/** `LocationCreate` of the OpenAPI document (FHIR `Location`). */
const locationFields = z.strictObject({
  /** Matched by the partial `name` search. */
  name: shortText(500),
  status: z.optional(z.enum(LOCATION_STATUSES)),
  description: z.optional(longText(2000)),
  mode: z.optional(z.enum(LOCATION_MODES)),
  type: z.optional(texts(10)),
  alias: z.optional(texts(10)),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema.check(z.maxLength(200))),
  /** Matched part by part (line, city, state, postal code, country) by the `address` search. */
  address: z.optional(addressSchema),
  /** Physical form: building, wing, room, bed, vehicle... */
  physicalType: z.optional(shortText(200)),
  position: z.optional(positionSchema),
  managingOrganizationId: z.optional(idSchema),
  /** Parent location id. */
  partOfId: z.optional(idSchema),
  hoursOfOperation: z.optional(z.array(hoursSchema).check(z.maxLength(20))),
  availabilityExceptions: z.optional(longText(2000)),
});

export const locationCreateSchema = locationFields;
export const locationPatchSchema = z.partial(locationFields);

export type LocationCreate = z.infer<typeof locationFields>;
export type LocationPatch = Partial<LocationCreate>;
/** A location record (named so as not to shadow the DOM's `Location`). */
export type LocationRecord = Stored<LocationCreate>;
