import type { Allergy } from '@clinikapi/core';
import { type CodeValue, type Coding, codeLabel, codingOf, foldName } from './codes.js';

/** How an allergy was found to match a medication. */
export type AllergyMatchKind = 'code' | 'ingredient' | 'name';

export interface AllergyMatch {
  allergy: Allergy;
  by: AllergyMatchKind;
}

/**
 * Allergies that count for a prescribing check: active ones, and ones with no clinical status
 * recorded (FHIR requires it, but a record without it may still be true). Inactive and resolved
 * allergies, and refuted or entered-in-error ones, do not.
 */
export function allergyCountsForCheck(allergy: Allergy): boolean {
  if (allergy.verificationStatus === 'refuted') return false;
  if (allergy.verificationStatus === 'entered-in-error') return false;
  return allergy.clinicalStatus === undefined || allergy.clinicalStatus === 'active';
}

const sameCode = (a: Coding, b: Coding) =>
  a.code !== undefined && a.code === b.code && (a.system ?? '') === (b.system ?? '');

/** True when every word of `needle` appears, in order and whole, in `haystack`. */
function containsWords(haystack: string, needle: string): boolean {
  const h = foldName(haystack);
  const n = foldName(needle);
  return n !== '' && ` ${h} `.includes(` ${n} `);
}

/** The words of a drug name before its strength ("Amoxicillin 250 mg/5 mL" -> "amoxicillin"). */
function drugPart(name: string): string {
  const words = foldName(name).split(' ');
  const strength = words.findIndex((word) => /\d/.test(word));
  return strength > 0 ? words.slice(0, strength).join(' ') : '';
}

/**
 * The patient's allergies that match a medication: the allergy's coding equals the medication's
 * coding (same system and code) or one of its ingredients' (e.g. an allergy coded as the RxNorm
 * ingredient amoxicillin against an RxNorm clinical drug containing it); failing that, by name,
 * case- and accent-insensitively, whole words either way round ("Amoxicillin" against
 * "amoxicillin 500 MG Oral Capsule"; the drug name before the strength, "amoxicillin", against
 * "Allergy to amoxicillin"). Drug classes (a penicillin allergy against amoxicillin) are
 * not inferred. Only allergies that `allergyCountsForCheck` are considered.
 */
export function matchMedicationAllergies(
  medication: CodeValue | undefined,
  ingredients: readonly Coding[],
  allergies: readonly Allergy[],
): AllergyMatch[] {
  const medicationCoding = codingOf(medication);
  const label = codeLabel(medication);
  const names = [label, drugPart(label), ...ingredients.map((i) => i.display ?? '')].filter(
    (name) => foldName(name) !== '',
  );
  if (!medicationCoding?.code && names.length === 0) return [];
  const matches: AllergyMatch[] = [];
  for (const allergy of allergies) {
    if (!allergyCountsForCheck(allergy)) continue;
    const allergyCoding = codingOf(allergy.code);
    if (allergyCoding && medicationCoding && sameCode(allergyCoding, medicationCoding)) {
      matches.push({ allergy, by: 'code' });
      continue;
    }
    if (allergyCoding && ingredients.some((ingredient) => sameCode(allergyCoding, ingredient))) {
      matches.push({ allergy, by: 'ingredient' });
      continue;
    }
    const substance = codeLabel(allergy.code);
    const byName = names.some(
      (name) => containsWords(name, substance) || containsWords(substance, name),
    );
    if (byName) matches.push({ allergy, by: 'name' });
  }
  return matches;
}
