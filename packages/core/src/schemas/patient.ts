import { z } from 'zod';
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
  relationship: shortText(100).optional(),
  firstName: shortText(100).optional(),
  lastName: shortText(100).optional(),
  phone: phoneSchema.optional(),
  email: emailSchema.optional(),
  address: addressSchema.optional(),
});

const patientFields = z.strictObject({
  firstName: shortText(100),
  lastName: shortText(100),
  email: emailSchema.optional(),
  phone: phoneSchema.optional(),
  gender: genderSchema.optional(),
  birthDate: dateSchema.optional(),
  address: addressSchema.optional(),
  maritalStatus: shortText(50).optional(),
  photo: photoSchema.optional(),
  contact: z.array(contactSchema).max(10).optional(),
  languages: z.array(languageSchema).max(20).optional(),
  generalPractitionerId: idSchema.optional(),
  active: z.boolean().optional(),
});

/** Body of `POST /v1/patients`. */
export const patientCreateSchema = patientFields;
/** Body of `PATCH /v1/patients/{id}`: any subset of the create fields. */
export const patientPatchSchema = patientFields.partial();

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
