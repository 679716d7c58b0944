'use client';
import type { Allergy } from '@clinikapi/core';
import { useQuery } from '@tanstack/react-query';
import { resourceQueries } from '../queries/clinikQueries.js';
import { type AllergyMatch, matchMedicationAllergies } from './allergyMatch.js';
import { type CodeValue, type Coding, codeKey, codeLabel, codingOf } from './codes.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/**
 * Finds the ingredients of a medication coding, e.g. by asking a terminology service (RxNav's
 * `/rxcui/{code}/related.json?tty=IN`). Resolves RxNorm ingredient (TTY IN) codings; an empty
 * list when there are none or the coding is not a drug it knows. Rejects when it cannot tell.
 */
export type ResolveIngredients = (medication: Coding) => Promise<readonly Coding[]>;

/** The built-in resolver: a small RxNorm drug -> ingredient table, loaded on first use. */
export const curatedIngredients: ResolveIngredients = async (medication) => {
  if (medication.system !== RXNORM || !medication.code) return [];
  const { INGREDIENTS_OF_DRUG } = await import('./rxnormIngredients.js');
  return (INGREDIENTS_OF_DRUG[medication.code] ?? []).map((i) => ({ system: RXNORM, ...i }));
};

export type AllergyCheck =
  /** Nothing to check yet (no patient or no medication). */
  | { status: 'idle'; matches: []; signature: '' }
  /** The patient's allergies (or the medication's ingredients) are still loading. */
  | { status: 'checking'; matches: []; signature: '' }
  /** The check could not be made (allergies or ingredients failed to load). */
  | { status: 'unavailable'; matches: []; signature: string; retry: () => void }
  /** Checked: the matching allergies, none when the list is empty. */
  | { status: 'ready'; matches: AllergyMatch[]; signature: string };

export interface UseAllergyCheckOptions {
  /** Whose allergies. The check follows this id; nothing of another patient is ever used. */
  patientId: string | undefined;
  /** The medication being prescribed (text or a coding such as RxNorm). */
  medication: CodeValue | undefined;
  /** Defaults to `curatedIngredients`. */
  resolveIngredients?: ResolveIngredients | undefined;
}

/**
 * Checks a medication against a patient's recorded allergies (see `matchMedicationAllergies`): the
 * allergies are read fresh for the patient (`allergies` with `patientId`, every page) and the
 * medication's ingredients are resolved once per coding. `signature` names exactly what was
 * checked (the medication and the matching allergies' versions), so an acknowledgement given for
 * it does not carry over to another medication or a changed allergy.
 */
export function useAllergyCheck({
  patientId,
  medication,
  resolveIngredients,
}: UseAllergyCheckOptions): AllergyCheck {
  const hasMedication = codeLabel(medication).trim() !== '' || Boolean(codingOf(medication)?.code);
  const allergies = useQuery({
    ...resourceQueries('allergies').range({ patientId: patientId ?? '' }),
    enabled: Boolean(patientId) && hasMedication,
    // A prescribing check reads what is recorded now, not a copy from earlier in the session.
    staleTime: 0,
  });
  const coding = codingOf(medication);
  const resolver = resolveIngredients ?? curatedIngredients;
  const ingredients = useQuery({
    queryKey: [
      'clinik-terminology',
      'ingredients',
      resolveIngredients ? 'custom' : 'curated',
      coding?.system ?? '',
      coding?.code ?? '',
    ],
    queryFn: () => resolver(coding as Coding),
    enabled: Boolean(patientId && coding?.code),
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (!patientId || !hasMedication) return { status: 'idle', matches: [], signature: '' };
  const medicationKey = codeKey(medication);
  const needsIngredients = Boolean(coding?.code);
  // Only the current patient's rows: `range` is keyed by patientId, and rows are checked too.
  const rows = (allergies.data?.data ?? []).filter((a: Allergy) => a.patientId === patientId);
  if (allergies.isError || (needsIngredients && ingredients.isError)) {
    return {
      status: 'unavailable',
      matches: [],
      signature: `unavailable|${patientId}|${medicationKey}`,
      retry: () => {
        if (allergies.isError) void allergies.refetch();
        if (ingredients.isError) void ingredients.refetch();
      },
    };
  }
  if (!allergies.isSuccess || (needsIngredients && !ingredients.isSuccess)) {
    return { status: 'checking', matches: [], signature: '' };
  }
  const matches = matchMedicationAllergies(medication, ingredients.data ?? [], rows);
  const signature = [
    patientId,
    medicationKey,
    ...matches.map((m) => `${m.allergy.id}@${m.allergy.updatedAt}`),
  ].join('|');
  return { status: 'ready', matches, signature };
}
