import {
  type Allergy,
  type AllergyCreate,
  type ClinikClient,
  createClinikClient,
  type Patient,
  type Prescription,
  type PrescriptionCreate,
} from '@clinikapi/core';
import { inject } from 'vitest';

/** `/api/clinik` of the real proxy in front of the shared in-memory sandbox (globalSetup). */
export const sandboxUrl = () => inject('sandboxProxyUrl');

/** Another member of staff, writing through their own client (no cache shared with the UI). */
export const colleague = (): ClinikClient =>
  createClinikClient({ baseUrl: sandboxUrl(), retries: 0 });

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';

/** amoxicillin 500 MG Oral Capsule (RxNorm SCD) and its ingredient amoxicillin (RxNorm IN). */
export const AMOXICILLIN_500 = {
  system: RXNORM,
  code: '308191',
  display: 'amoxicillin 500 MG Oral Capsule',
};
export const AMOXICILLIN = { system: RXNORM, code: '723', display: 'amoxicillin' };
export const AMLODIPINE_5 = {
  system: RXNORM,
  code: '197361',
  display: 'amlodipine 5 MG Oral Tablet',
};

const run = Date.now().toString(36);
let counter = 0;

/** A fresh patient, with a unique name per test run. */
export async function newPatient(label: string): Promise<Patient> {
  counter += 1;
  return colleague().patients.create({ firstName: label, lastName: `Chart${run}${counter}` });
}

export function recordAllergy(
  patientId: string,
  fields: Partial<AllergyCreate> & Pick<AllergyCreate, 'code'>,
): Promise<Allergy> {
  return colleague().allergies.create({
    patientId,
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    category: ['medication'],
    ...fields,
  });
}

/** An active prescription as a colleague wrote it: amlodipine 5 mg once a day by mouth. */
export function prescribe(
  patientId: string,
  fields: Partial<PrescriptionCreate> = {},
): Promise<Prescription> {
  return colleague().prescriptions.create({
    status: 'active',
    intent: 'order',
    medication: AMLODIPINE_5,
    patientId,
    authoredOn: '2026-06-01T09:00:00Z',
    dosage: {
      doseQuantity: { value: 1, unit: 'tablet', system: UCUM, code: '{tablet}' },
      route: { system: SNOMED, code: '26643006', display: 'Oral route' },
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
    },
    quantity: { value: 30, unit: 'tablet', system: UCUM, code: '{tablet}' },
    refills: 2,
    ...fields,
  });
}
