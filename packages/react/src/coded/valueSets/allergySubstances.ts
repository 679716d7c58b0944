import { CODE_SYSTEMS } from '../systems.js';
import type { ValueSetEntry } from '../types.js';

const sct = (code: string, display: string, synonyms?: string[]): ValueSetEntry => ({
  system: CODE_SYSTEMS.snomed,
  code,
  display,
  ...(synonyms ? { synonyms } : {}),
});
const rx = (code: string, display: string, synonyms?: string[]): ValueSetEntry => ({
  system: CODE_SYSTEMS.rxnorm,
  code,
  display,
  ...(synonyms ? { synonyms } : {}),
});

/**
 * Common allergy and intolerance substances (`AllergyIntolerance.code`), a small curated set.
 * - Foods, venoms, pollens, danders, latex, nickel: SNOMED CT substances as listed in HL7
 *   Europe's eHDSI "Allergen No Drug" value set (http://terminology.ehdsi.eu/ValueSet/eHDSIAllergenNoDrug).
 * - Drug classes: SNOMED CT substances 764146007 Penicillin and 387406002 Sulfonamide (as used
 *   in FHIR and US Core allergy examples).
 * - Drug ingredients: RxNorm ingredient (IN) concepts, so a drug allergy can be matched against
 *   RxNorm-coded prescriptions (7980 Penicillin G is the FHIR R4 "medication" allergy example;
 *   the others are the ingredient RXCUIs CPIC's drug table lists).
 * Apps with a terminology service pass `searchCodes` for everything else.
 */
const allergySubstances: readonly ValueSetEntry[] = [
  sct('762952008', 'Peanut', ['groundnut']),
  sct('227493005', 'Cashew nut', ['tree nut']),
  sct('256352005', 'Walnut - nut', ['tree nut']),
  sct('256350002', 'Almond', ['tree nut']),
  sct('256353000', 'Hazelnut', ['tree nut']),
  sct('735029006', 'Shellfish', ['seafood']),
  sct('735971005', 'Fish'),
  sct('3718001', "Cow's milk", ['dairy', 'milk']),
  sct('102263004', 'Eggs (edible)', ['egg']),
  sct('412071004', 'Wheat'),
  sct('89811004', 'Gluten'),
  sct('256355007', 'Soyabean', ['soy', 'soya']),
  sct('260167008', 'Sesame seed', ['sesame']),
  sct('111088007', 'Latex', ['rubber']),
  sct('288328004', 'Bee venom', ['bee sting']),
  sct('256440004', 'Wasp venom', ['wasp sting']),
  sct('256277009', 'Grass pollen', ['hay fever']),
  sct('260152009', 'Cat dander', ['cat']),
  sct('260154005', 'Dog dander', ['dog']),
  sct('720687003', 'Dust mite protein', ['house dust mite']),
  sct('33396006', 'Nickel'),
  sct('764146007', 'Penicillin', ['penicillins']),
  sct('387406002', 'Sulfonamide', ['sulfa', 'sulpha']),
  rx('7980', 'Penicillin G', ['benzylpenicillin']),
  rx('723', 'Amoxicillin'),
  rx('1191', 'Aspirin', ['acetylsalicylic acid']),
  rx('5640', 'Ibuprofen', ['nsaid']),
  rx('2670', 'Codeine'),
  rx('7052', 'Morphine'),
  rx('2551', 'Ciprofloxacin'),
  rx('4053', 'Erythromycin'),
  rx('2002', 'Carbamazepine'),
  rx('519', 'Allopurinol'),
];

export default allergySubstances;
