import type {
  ConditionClinicalStatus,
  ConditionVerificationStatus,
  CONDITION_ABATED_STATUSES as CoreAbated,
} from '@clinikapi/core';

// FHIR R4 Condition value sets, as core's schema lists them. Kept here (core's copies live beside
// its zod schemas) so that a page showing the problem list does not load zod; the type checks
// below fail to compile if the two ever differ.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(_check: Same<A, B>) => {};

export const CONDITION_CLINICAL_STATUSES = [
  'active',
  'recurrence',
  'relapse',
  'inactive',
  'remission',
  'resolved',
] as const;
/** Statuses of a problem that has abated: only these allow an abatement (FHIR con-4). */
export const CONDITION_ABATED_STATUSES = ['inactive', 'remission', 'resolved'] as const;
export const CONDITION_VERIFICATION_STATUSES = [
  'unconfirmed',
  'provisional',
  'differential',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;
export const CONDITION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;

same<(typeof CONDITION_CLINICAL_STATUSES)[number], ConditionClinicalStatus>(true);
same<(typeof CONDITION_VERIFICATION_STATUSES)[number], ConditionVerificationStatus>(true);
same<(typeof CONDITION_ABATED_STATUSES)[number], (typeof CoreAbated)[number]>(true);
