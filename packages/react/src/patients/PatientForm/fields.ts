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

/** API field paths (as core's `formatPath` writes them) -> form inputs, for 422 issues. */
export const PATIENT_FIELD_BY_PATH: Readonly<Record<string, PatientFieldName>> = {
  firstName: 'firstName',
  lastName: 'lastName',
  birthDate: 'birthDate',
  gender: 'gender',
  email: 'email',
  phone: 'phone',
  'address.line': 'addressLine',
  'address.line[0]': 'addressLine',
  'address.city': 'city',
  'address.state': 'state',
  'address.postalCode': 'postalCode',
  'address.country': 'country',
};

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

const TOP_LEVEL = ['firstName', 'lastName', 'birthDate', 'gender', 'email', 'phone'] as const;
const ADDRESS_PARTS = ['city', 'state', 'postalCode', 'country'] as const;

/**
 * The PATCH body for the fields the user edited, and nothing else. The address is one field of
 * the API (a PATCH replaces it whole), so edited address parts are merged onto `stored.address`
 * part by part: a colleague's change to another part, or lines beyond the first, are kept.
 * `cleared` lists top-level inputs emptied by the user: the API's PATCH cannot remove a value
 * (no `null` in the contract's partial create shape), so the form refuses those with an error
 * rather than silently keeping the old value.
 */
export function patchFromEdits(
  edits: Partial<PatientFormValues>,
  stored: Patient,
): { patch: Record<string, unknown>; cleared: PatientFieldName[] } {
  const patch: Record<string, unknown> = {};
  const cleared: PatientFieldName[] = [];
  for (const name of TOP_LEVEL) {
    const edited = edits[name];
    if (edited === undefined) continue;
    const value = edited.trim();
    if (value === '') {
      if (stored[name] !== undefined && stored[name] !== '') cleared.push(name);
      continue;
    }
    if (value !== stored[name]) patch[name] = value;
  }
  const touchesAddress =
    edits.addressLine !== undefined || ADDRESS_PARTS.some((part) => edits[part] !== undefined);
  if (touchesAddress) {
    const address: Record<string, unknown> = { ...stored.address };
    if (edits.addressLine !== undefined) {
      const rest = stored.address?.line?.slice(1) ?? [];
      const first = edits.addressLine.trim();
      const line = first ? [first, ...rest] : rest;
      if (line.length > 0) address.line = line;
      else delete address.line;
    }
    for (const part of ADDRESS_PARTS) {
      const edited = edits[part];
      if (edited === undefined) continue;
      if (edited.trim()) address[part] = edited.trim();
      else delete address[part];
    }
    if (JSON.stringify(address) !== JSON.stringify(stored.address ?? {})) patch.address = address;
  }
  return { patch, cleared };
}

/**
 * Only the top-level fields whose value differs from `original` (a PATCH body).
 * @deprecated Computes the whole address from the form's copy, which reverts a colleague's change
 * to another part of it; use `patchFromEdits` with the stored record instead.
 */
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
