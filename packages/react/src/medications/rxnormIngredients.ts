// Loaded on demand by the allergy check (`import('./rxnormIngredients.js')`).

/** RxNorm (`http://www.nlm.nih.gov/research/umls/rxnorm`). */
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** An ingredient: its RxNorm ingredient (TTY IN) concept. */
export interface Ingredient {
  code: string;
  display: string;
}

const AMLODIPINE = { code: '17767', display: 'amlodipine' };
const AMOXICILLIN = { code: '723', display: 'amoxicillin' };
const IBUPROFEN = { code: '5640', display: 'ibuprofen' };
const ACETAMINOPHEN = { code: '161', display: 'acetaminophen' };
const LISINOPRIL = { code: '29046', display: 'lisinopril' };
const WARFARIN = { code: '11289', display: 'warfarin' };
const CEPHALEXIN = { code: '2231', display: 'cephalexin' };
const ASPIRIN = { code: '1191', display: 'aspirin' };

/**
 * RxNorm clinical drugs (TTY SCD) -> their ingredients (TTY IN), from RxNorm's `has_ingredient`
 * relations, for the drugs of the curated medication list and the examples in this package. A
 * drug outside this table is still compared by its own code and by name; pass
 * `resolveIngredients` to the form to ask a terminology service (e.g. RxNav) instead.
 */
export const INGREDIENTS_OF_DRUG: Readonly<Record<string, readonly Ingredient[]>> = {
  '197361': [AMLODIPINE], // amlodipine 5 MG Oral Tablet
  '308191': [AMOXICILLIN], // amoxicillin 500 MG Oral Capsule
  '310965': [IBUPROFEN], // ibuprofen 200 MG Oral Tablet
  '313782': [ACETAMINOPHEN], // acetaminophen 325 MG Oral Tablet
  '314076': [LISINOPRIL], // lisinopril 10 MG Oral Tablet
  '855332': [WARFARIN], // warfarin sodium 5 MG Oral Tablet
  '309114': [CEPHALEXIN], // cephalexin 500 MG Oral Capsule
  '243670': [ASPIRIN], // aspirin 81 MG Oral Tablet
};
