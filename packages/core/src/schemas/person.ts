import * as z from 'zod/mini';
import {
  addressSchema,
  dateSchema,
  emailSchema,
  genderSchema,
  idSchema,
  phoneSchema,
  photoSchema,
  shortText,
} from './common.js';
import type { Stored } from './kit.js';

export const PERSON_ASSURANCE_LEVELS = ['level1', 'level2', 'level3', 'level4'] as const;

/** `PersonCreate` of the OpenAPI document (FHIR `Person`). */
const personFields = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema.check(z.maxLength(200))),
  gender: z.optional(genderSchema),
  birthDate: z.optional(dateSchema),
  address: z.optional(addressSchema),
  photo: z.optional(photoSchema),
  managingOrganizationId: z.optional(idSchema),
  /** Absent means active, also for the `active` search. */
  active: z.optional(z.boolean()),
  link: z.optional(
    z
      .array(
        z.strictObject({
          /** The Patient this person is. */
          targetId: idSchema,
          assurance: z.optional(z.enum(PERSON_ASSURANCE_LEVELS)),
        }),
      )
      .check(z.maxLength(20)),
  ),
});

export const personCreateSchema = personFields;
export const personPatchSchema = z.partial(personFields);

export type PersonCreate = z.infer<typeof personFields>;
export type PersonPatch = Partial<PersonCreate>;
export type Person = Stored<PersonCreate>;
