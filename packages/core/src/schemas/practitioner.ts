import * as z from 'zod/mini';
import {
  addressSchema,
  dateSchema,
  emailSchema,
  genderSchema,
  languageSchema,
  looseDateSchema,
  phoneSchema,
  photoSchema,
  shortText,
} from './common.js';

const qualificationSchema = z.strictObject({
  name: shortText(200),
  issuer: z.optional(shortText(200)),
  period: z.optional(
    z.strictObject({ start: z.optional(looseDateSchema), end: z.optional(looseDateSchema) }),
  ),
  identifier: z.optional(shortText(100)),
});

const practitionerFields = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  prefix: z.optional(z.array(shortText(20)).check(z.maxLength(5))),
  suffix: z.optional(z.array(shortText(20)).check(z.maxLength(5))),
  email: z.optional(emailSchema),
  phone: z.optional(phoneSchema),
  gender: z.optional(genderSchema),
  birthDate: z.optional(dateSchema),
  npi: z.optional(shortText(20)),
  specialty: z.optional(shortText(200)),
  qualifications: z.optional(z.array(qualificationSchema).check(z.maxLength(20))),
  languages: z.optional(z.array(languageSchema).check(z.maxLength(20))),
  address: z.optional(addressSchema),
  photo: z.optional(photoSchema),
  active: z.optional(z.boolean()),
});

export const practitionerCreateSchema = practitionerFields;
export const practitionerPatchSchema = z.partial(practitionerFields);

export type PractitionerCreate = z.infer<typeof practitionerCreateSchema>;
export type PractitionerPatch = z.infer<typeof practitionerPatchSchema>;

export interface Practitioner extends PractitionerCreate {
  id: string;
  fullName: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PractitionerSearchParams {
  name?: string;
  specialty?: string;
  npi?: string;
  active?: boolean;
}
