import {
  type ClinikClient,
  createClinikClient,
  type Immunization,
  type ImmunizationCreate,
  type Patient,
} from '@clinikapi/core';
import { inject } from 'vitest';

/** `/api/clinik` of the real proxy in front of the shared in-memory sandbox (globalSetup). */
export const sandboxUrl = () => inject('sandboxProxyUrl');

/** Another member of staff, writing through their own client (no cache shared with the UI). */
export const colleague = (): ClinikClient =>
  createClinikClient({ baseUrl: sandboxUrl(), retries: 0 });

export const CVX = 'http://hl7.org/fhir/sid/cvx';
export const SNOMED = 'http://snomed.info/sct';
export const ACT_SITE = 'http://terminology.hl7.org/CodeSystem/v3-ActSite';
export const ACT_REASON = 'http://terminology.hl7.org/CodeSystem/v3-ActReason';
export const TDAP = { system: CVX, code: '115', display: 'Tdap' };
export const FLU = { system: CVX, code: '141', display: 'Influenza, seasonal, injectable' };

const run = Date.now().toString(36);
let counter = 0;

/** A fresh patient, with a unique name per test run. */
export async function newPatient(label: string): Promise<Patient> {
  counter += 1;
  return colleague().patients.create({ firstName: label, lastName: `Imm${run}${counter}` });
}

/** A Tdap dose given, as a colleague recorded it. */
export function recordImmunization(
  patientId: string,
  fields: Partial<ImmunizationCreate> = {},
): Promise<Immunization> {
  return colleague().immunizations.create({
    status: 'completed',
    vaccineCode: TDAP,
    patientId,
    occurrenceDateTime: '2026-05-04T14:30:00Z',
    lotNumber: 'TD-001',
    site: { system: ACT_SITE, code: 'LA', display: 'left arm' },
    route: { system: SNOMED, code: '78421000', display: 'Intramuscular route' },
    protocolApplied: [
      { series: 'Adult booster', doseNumberPositiveInt: 1, seriesDosesPositiveInt: 2 },
    ],
    ...fields,
  });
}
