import type { Allergy } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { allergyCountsForCheck, matchMedicationAllergies } from './allergyMatch.js';
import { curatedIngredients } from './useAllergyCheck.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';

let n = 0;
const allergy = (fields: Partial<Allergy> & Pick<Allergy, 'code'>): Allergy => {
  n += 1;
  return {
    id: `alg-${n}`,
    patientId: 'pat-1',
    clinicalStatus: 'active',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...fields,
  };
};
const kinds = (matches: { by: string }[]) => matches.map((m) => m.by);

describe('matchMedicationAllergies', () => {
  const amoxicillin500 = {
    system: RXNORM,
    code: '308191',
    display: 'amoxicillin 500 MG Oral Capsule',
  };

  it('matches the same coding, then an ingredient coding, then names', async () => {
    const ingredients = await curatedIngredients(amoxicillin500);
    expect(ingredients).toEqual([{ system: RXNORM, code: '723', display: 'amoxicillin' }]);
    const same = allergy({ code: { ...amoxicillin500, display: 'Amoxil' } });
    const byIngredient = allergy({ code: { system: RXNORM, code: '723' } });
    const byName = allergy({ code: 'Amoxicillin' });
    expect(
      kinds(matchMedicationAllergies(amoxicillin500, ingredients, [same, byIngredient, byName])),
    ).toEqual(['code', 'ingredient', 'name']);
  });

  it('needs the same system for a code match', () => {
    const snomedSameDigits = allergy({ code: { system: SNOMED, code: '308191', display: 'x' } });
    expect(matchMedicationAllergies(amoxicillin500, [], [snomedSameDigits])).toEqual([]);
  });

  it('compares names as whole words, case- and accent-insensitively, either way round', () => {
    const rows = [
      allergy({ code: 'AMOXICILLIN' }),
      allergy({ code: 'Allergy to amoxicillin (rash)' }),
      allergy({ code: 'Penicillin' }),
      allergy({ code: 'amox' }),
    ];
    expect(kinds(matchMedicationAllergies('Amoxicillin 250 mg', [], rows))).toEqual([
      'name',
      'name',
    ]);
    expect(matchMedicationAllergies('Cafeína', [], [allergy({ code: 'cafeina' })])).toHaveLength(1);
  });

  it('leaves out inactive, resolved, refuted and entered-in-error allergies, keeps unknown status', () => {
    expect(allergyCountsForCheck(allergy({ code: 'x', clinicalStatus: 'inactive' }))).toBe(false);
    expect(allergyCountsForCheck(allergy({ code: 'x', clinicalStatus: 'resolved' }))).toBe(false);
    expect(allergyCountsForCheck(allergy({ code: 'x', verificationStatus: 'refuted' }))).toBe(
      false,
    );
    expect(
      allergyCountsForCheck(allergy({ code: 'x', verificationStatus: 'entered-in-error' })),
    ).toBe(false);
    expect(allergyCountsForCheck(allergy({ code: 'x', clinicalStatus: undefined }))).toBe(true);
    expect(allergyCountsForCheck(allergy({ code: 'x', verificationStatus: 'unconfirmed' }))).toBe(
      true,
    );
  });

  it('finds nothing for an empty medication', () => {
    expect(matchMedicationAllergies('', [], [allergy({ code: 'Amoxicillin' })])).toEqual([]);
  });
});
