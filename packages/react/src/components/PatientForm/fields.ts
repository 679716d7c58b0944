import type { Patient, PatientCreate } from '@clinikapi/core';
import type { ClinikMessages } from '../../messages.js';

export const PATIENT_FIELDS = [
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'email',
  'phone',
  'addressLine',
  'city',
  'state',
  'postalCode',
  'country',
] as const;

export type PatientFieldName = (typeof PATIENT_FIELDS)[number];
/** What the inputs hold: strings, empty when unset. */
export type PatientFormValues = Record<PatientFieldName, string>;

export const emptyPatientValues: PatientFormValues = Object.fromEntries(
  PATIENT_FIELDS.map((name) => [name, '']),
) as PatientFormValues;

export function fieldLabel(name: PatientFieldName, messages: ClinikMessages): string {
  return messages[name];
}

/** The inputs' values of a stored patient. */
export function valuesFromPatient(patient: Patient): PatientFormValues {
  return {
    firstName: patient.firstName ?? '',
    lastName: patient.lastName ?? '',
    birthDate: patient.birthDate ?? '',
    gender: patient.gender ?? '',
    email: patient.email ?? '',
    phone: patient.phone ?? '',
    addressLine: patient.address?.line?.[0] ?? '',
    city: patient.address?.city ?? '',
    state: patient.address?.state ?? '',
    postalCode: patient.address?.postalCode ?? '',
    country: patient.address?.country ?? '',
  };
}

/**
 * The create body for the inputs: trimmed, empty inputs left out, address only when any part is
 * filled. Returned loosely typed: the schema decides whether it is a valid `PatientCreate`.
 */
export function bodyFromValues(values: PatientFormValues): Partial<PatientCreate> {
  const body: Record<string, unknown> = {};
  const set = (key: string, value: string) => {
    const trimmed = value.trim();
    if (trimmed !== '') body[key] = trimmed;
  };
  set('firstName', values.firstName);
  set('lastName', values.lastName);
  set('birthDate', values.birthDate);
  set('gender', values.gender);
  set('email', values.email);
  set('phone', values.phone);
  const address: Record<string, unknown> = {};
  if (values.addressLine.trim()) address.line = [values.addressLine.trim()];
  for (const key of ['city', 'state', 'postalCode', 'country'] as const) {
    if (values[key].trim()) address[key] = values[key].trim();
  }
  if (Object.keys(address).length > 0) body.address = address;
  return body as Partial<PatientCreate>;
}

/** Only the top-level fields whose value differs from the stored patient (a PATCH body). */
export function patchFromValues(
  values: PatientFormValues,
  original: PatientFormValues,
): Record<string, unknown> {
  const next = bodyFromValues(values) as Record<string, unknown>;
  const before = bodyFromValues(original) as Record<string, unknown>;
  const patch: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(next), ...Object.keys(before)])) {
    if (key in next && JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      patch[key] = next[key];
    }
  }
  return patch;
}
