import * as z from 'zod/mini';
import {
  addressSchema,
  dateSchema,
  emailSchema,
  genderSchema,
  idSchema,
  languageSchema,
  phoneSchema,
  photoSchema,
  shortText,
} from './common.js';

const contactSchema = z.strictObject({
  relationship: z.optional(shortText(100)),
  firstName: z.optional(shortText(100)),
  lastName: z.optional(shortText(100)),
  phone: z.optional(phoneSchema),
  email: z.optional(emailSchema),
  address: z.optional(addressSchema),
});

const patientFields = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  email: z.optional(emailSchema),
  phone: z.optional(phoneSchema),
  gender: z.optional(genderSchema),
  birthDate: z.optional(dateSchema),
  address: z.optional(addressSchema),
  maritalStatus: z.optional(shortText(50)),
  photo: z.optional(photoSchema),
  contact: z.optional(z.array(contactSchema).check(z.maxLength(10))),
  languages: z.optional(z.array(languageSchema).check(z.maxLength(20))),
  generalPractitionerId: z.optional(idSchema),
  active: z.optional(z.boolean()),
});

/** Body of `POST /v1/patients`. */
export const patientCreateSchema = patientFields;
/** Body of `PATCH /v1/patients/{id}`: any subset of the create fields. */
export const patientPatchSchema = z.partial(patientFields);

export type PatientCreate = z.infer<typeof patientCreateSchema>;
export type PatientPatch = z.infer<typeof patientPatchSchema>;

/** A patient as the API returns it: flat, with `fullName` and server-managed fields. */
export interface Patient extends PatientCreate {
  id: string;
  fullName: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}
/** The contract's name for the flat patient shape. */
export type PatientSummary = Patient;

export interface PatientSearchParams {
  /** Partial, case-insensitive match on given or family name. */
  name?: string;
  email?: string;
  phone?: string;
  gender?: PatientCreate['gender'];
  birthDate?: string;
  active?: boolean;
}
