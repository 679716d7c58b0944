import type { Patient } from '@clinikapi/core';
import patients from './patients.json' with { type: 'json' };

/**
 * Patients exactly as the sandbox returned them through the proxy (scripts/record-fixtures.ts).
 * Stories serve these from the fake API so the static build shows real-shaped data.
 */
export const recordedPatients: readonly Patient[] = patients as Patient[];

/** The first recorded patient, for stories that show one. */
export const recordedPatient = recordedPatients[0] as Patient;
