import type { ValueSetEntry } from '../types.js';

/**
 * The curated value sets shipped with the kit. Each is its own module, loaded with `import()` on
 * first use, so a page that never opens a coded input downloads none of them.
 */
export const VALUE_SET_LOADERS = {
  /** Allergy substances: SNOMED CT foods, venoms, environment, drug classes; RxNorm drugs. */
  'allergy-substances': () => import('./allergySubstances.js'),
  /** Allergic reaction manifestations (SNOMED CT clinical findings). */
  'allergy-reactions': () => import('./allergyReactions.js'),
  /** Common problem-list conditions (SNOMED CT and ICD-10-CM). */
  problems: () => import('./problems.js'),
  /** Common medications (RxNorm ingredients). */
  medications: () => import('./medications.js'),
  /** Common vaccines (CDC CVX). */
  vaccines: () => import('./vaccines.js'),
} as const;

/** The name of a shipped value set, e.g. `'allergy-substances'`. */
export type ValueSetName = keyof typeof VALUE_SET_LOADERS;

const loaded = new Map<ValueSetName, Promise<readonly ValueSetEntry[]>>();

/**
 * The entries of a shipped value set, downloaded once (the promise is shared; a failed download
 * is forgotten so the next call tries again).
 */
export function loadValueSet(name: ValueSetName): Promise<readonly ValueSetEntry[]> {
  let promise = loaded.get(name);
  if (!promise) {
    const loader = VALUE_SET_LOADERS[name];
    if (!loader) return Promise.reject(new Error(`Unknown value set: ${String(name)}`));
    promise = loader().then(
      (module) => module.default,
      (error: unknown) => {
        loaded.delete(name);
        throw error;
      },
    );
    loaded.set(name, promise);
  }
  return promise;
}
