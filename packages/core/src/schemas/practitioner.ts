import { z } from 'zod';
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
  issuer: shortText(200).optional(),
  period: z
    .strictObject({ start: looseDateSchema.optional(), end: looseDateSchema.optional() })
    .optional(),
  identifier: shortText(100).optional(),
});

const practitionerFields = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  prefix: z.array(shortText(20)).max(5).optional(),
  suffix: z.array(shortText(20)).max(5).optional(),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
  gender: genderSchema.optional(),
  birthDate: dateSchema.optional(),
  npi: shortText(20).optional(),
  specialty: shortText(200).optional(),
  qualifications: z.array(qualificationSchema).max(20).optional(),
  languages: z.array(languageSchema).max(20).optional(),
  address: addressSchema.optional(),
  photo: photoSchema.optional(),
  active: z.boolean().optional(),
});

export const practitionerCreateSchema = practitionerFields;
export const practitionerPatchSchema = practitionerFields.partial();

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
