import type {
  AllergyClinicalStatus,
  AllergyVerificationStatus,
  ALLERGY_CATEGORIES as CoreCategories,
  ALLERGY_CRITICALITIES as CoreCriticalities,
  REACTION_SEVERITIES as CoreSeverities,
  ALLERGY_TYPES as CoreTypes,
} from '@clinikapi/core';

// FHIR R4 AllergyIntolerance value sets, as core's schema lists them. Kept here (core's copies
// live beside its zod schemas) so that a page showing allergies does not load zod; the type
// checks below fail to compile if the two ever differ.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <A, B>(_check: Same<A, B>) => {};

export const ALLERGY_CLINICAL_STATUSES = ['active', 'inactive', 'resolved'] as const;
export const ALLERGY_VERIFICATION_STATUSES = [
  'unconfirmed',
  'confirmed',
  'refuted',
  'entered-in-error',
] as const;
export const ALLERGY_TYPES = ['allergy', 'intolerance'] as const;
export const ALLERGY_CATEGORIES = ['food', 'medication', 'environment', 'biologic'] as const;
export const ALLERGY_CRITICALITIES = ['low', 'high', 'unable-to-assess'] as const;
export const REACTION_SEVERITIES = ['mild', 'moderate', 'severe'] as const;

same<(typeof ALLERGY_CLINICAL_STATUSES)[number], AllergyClinicalStatus>(true);
same<(typeof ALLERGY_VERIFICATION_STATUSES)[number], AllergyVerificationStatus>(true);
same<(typeof ALLERGY_TYPES)[number], (typeof CoreTypes)[number]>(true);
same<(typeof ALLERGY_CATEGORIES)[number], (typeof CoreCategories)[number]>(true);
same<(typeof ALLERGY_CRITICALITIES)[number], (typeof CoreCriticalities)[number]>(true);
same<(typeof REACTION_SEVERITIES)[number], (typeof CoreSeverities)[number]>(true);

/**
 * SNOMED CT 716186003 |No known allergy (situation)|: the code of the "no known allergies"
 * statement (core's `NO_KNOWN_ALLERGY`).
 */
export const NO_KNOWN_ALLERGY = {
  system: 'http://snomed.info/sct',
  code: '716186003',
  display: 'No known allergy',
} as const;
