import * as z from 'zod/mini';
import { addressSchema, emailSchema, idSchema, phoneSchema, shortText } from './common.js';
import { type Stored, texts, UNBOUNDED } from './kit.js';

const organizationContactSchema = z.strictObject({
  purpose: z.optional(shortText(200)),
  firstName: z.optional(shortText(100)),
  lastName: z.optional(shortText(100)),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
});

/** `OrganizationCreate` of the OpenAPI document (FHIR `Organization`). */
const organizationFields = z.strictObject({
  /** Matched by the partial `name` search. */
  name: shortText(500),
  /** Absent means active (FHIR's reading), also for the `active` search. */
  active: z.optional(z.boolean()),
  type: z.optional(texts(UNBOUNDED)),
  alias: z.optional(texts(UNBOUNDED)),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  address: z.optional(addressSchema),
  /** Parent organization id. */
  partOfId: z.optional(idSchema),
  contact: z.optional(z.array(organizationContactSchema).check(z.maxLength(UNBOUNDED))),
});

export const organizationCreateSchema = organizationFields;
export const organizationPatchSchema = z.partial(organizationFields);

export type OrganizationCreate = z.infer<typeof organizationFields>;
export type OrganizationPatch = Partial<OrganizationCreate>;
export type Organization = Stored<OrganizationCreate>;
