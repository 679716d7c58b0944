import type { Allergy } from '@clinikapi/core';
import { codeValueText, hasCode } from '../coded/codeValue.js';
import { NO_KNOWN_ALLERGY } from './codes.js';

/** True for the "no known allergy" statement (SNOMED CT 716186003). */
export function isNoKnownAllergy(allergy: Pick<Allergy, 'code'>): boolean {
  return hasCode(allergy.code, NO_KNOWN_ALLERGY.system, NO_KNOWN_ALLERGY.code);
}

/** Shown as an allergy the patient has now: not refuted or entered in error, and active (or with no status). */
export function isCurrentAllergy(allergy: Allergy): boolean {
  if (allergy.verificationStatus === 'refuted') return false;
  if (allergy.verificationStatus === 'entered-in-error') return false;
  return allergy.clinicalStatus === undefined || allergy.clinicalStatus === 'active';
}

/**
 * What a patient's allergy record says:
 * - `allergies`: at least one current allergy (a "no known allergies" statement on file too is
 *   `contradicted`, never shown as the answer);
 * - `no-known-allergies`: the statement is recorded (active, not refuted or in error);
 * - `no-active`: only inactive, resolved or refuted allergies are on file;
 * - `not-recorded`: nothing on file.
 */
export type AllergyRecordState = 'allergies' | 'no-known-allergies' | 'no-active' | 'not-recorded';

export interface AllergySummary {
  state: AllergyRecordState;
  /** Current allergies, most critical first, then by substance. */
  active: Allergy[];
  /** Inactive, resolved or refuted allergies (and former "no known allergies" statements). */
  inactive: Allergy[];
  enteredInError: Allergy[];
  /** The current "no known allergies" statement, if one is recorded. */
  noKnownAllergies: Allergy | undefined;
  /** A current "no known allergies" statement while current allergies are recorded. */
  contradicted: boolean;
}

const CRITICALITY_ORDER: Record<string, number> = { high: 0, 'unable-to-assess': 1, low: 2 };

const bySubstance = (a: Allergy, b: Allergy) =>
  codeValueText(a.code).localeCompare(codeValueText(b.code));

/** Sorts and classifies a patient's allergy records (see `AllergyRecordState`). */
export function summarizeAllergies(records: readonly Allergy[]): AllergySummary {
  const active: Allergy[] = [];
  const inactive: Allergy[] = [];
  const enteredInError: Allergy[] = [];
  const statements: Allergy[] = [];
  for (const allergy of records) {
    if (allergy.verificationStatus === 'entered-in-error') enteredInError.push(allergy);
    else if (isNoKnownAllergy(allergy) && isCurrentAllergy(allergy)) statements.push(allergy);
    else if (isCurrentAllergy(allergy)) active.push(allergy);
    else inactive.push(allergy);
  }
  active.sort(
    (a, b) =>
      (CRITICALITY_ORDER[a.criticality ?? ''] ?? 3) -
        (CRITICALITY_ORDER[b.criticality ?? ''] ?? 3) || bySubstance(a, b),
  );
  inactive.sort(bySubstance);
  // The latest statement stands for the others.
  statements.sort((a, b) =>
    (b.recordedDate ?? b.createdAt).localeCompare(a.recordedDate ?? a.createdAt),
  );
  const noKnownAllergies = statements[0];
  const state: AllergyRecordState =
    active.length > 0
      ? 'allergies'
      : noKnownAllergies
        ? 'no-known-allergies'
        : inactive.length > 0
          ? 'no-active'
          : 'not-recorded';
  return {
    state,
    active,
    inactive,
    enteredInError,
    noKnownAllergies,
    contradicted: active.length > 0 && noKnownAllergies !== undefined,
  };
}
