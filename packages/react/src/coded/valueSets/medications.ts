import { CODE_SYSTEMS } from '../systems.js';
import type { ValueSetEntry } from '../types.js';

const rx = (code: string, display: string, synonyms?: string[]): ValueSetEntry => ({
  system: CODE_SYSTEMS.rxnorm,
  code,
  display,
  ...(synonyms ? { synonyms } : {}),
});

/**
 * Commonly prescribed medications as RxNorm ingredient (IN) concepts, lower-case as RxNorm
 * names them; RXCUIs checked against CPIC's drug table (cpicpgx/cpic-schema) where it lists the
 * ingredient. Ingredients, not products: a prescription form adds strength, dose form and route.
 */
const medications: readonly ValueSetEntry[] = [
  rx('6809', 'metformin'),
  rx('29046', 'lisinopril'),
  rx('17767', 'amlodipine'),
  rx('83367', 'atorvastatin'),
  rx('36567', 'simvastatin'),
  rx('301542', 'rosuvastatin'),
  rx('52175', 'losartan'),
  rx('10582', 'levothyroxine'),
  rx('6918', 'metoprolol'),
  rx('20352', 'carvedilol'),
  rx('5487', 'hydrochlorothiazide', ['hctz']),
  rx('4603', 'furosemide'),
  rx('7646', 'omeprazole'),
  rx('40790', 'pantoprazole'),
  rx('435', 'albuterol', ['salbutamol']),
  rx('36437', 'sertraline'),
  rx('4493', 'fluoxetine'),
  rx('321988', 'escitalopram'),
  rx('25480', 'gabapentin'),
  rx('11289', 'warfarin'),
  rx('32968', 'clopidogrel'),
  rx('1191', 'aspirin', ['acetylsalicylic acid']),
  rx('5640', 'ibuprofen'),
  rx('161', 'acetaminophen', ['paracetamol']),
  rx('723', 'amoxicillin'),
  rx('2551', 'ciprofloxacin'),
  rx('8640', 'prednisone'),
  rx('10689', 'tramadol'),
];

export default medications;
