import {
  encounter,
  field,
  firstDate,
  note,
  patient,
  reference,
  references,
  same,
  shape,
  shapes,
  text,
  texts,
} from '../mapping.js';
import { documentedAdapter, now } from './documented.js';

/** `nutrition-orders` <-> FHIR R4 NutritionOrder (R4 spells `routeofAdministration`). */
export const nutritionOrderAdapter = documentedAdapter('nutrition-orders', {
  fields: [
    same('status'),
    same('intent'),
    patient('patient'),
    encounter(),
    same('dateTime'),
    reference('ordererId', 'orderer', 'Practitioner'),
    references('allergyIntoleranceIds', 'allergyIntolerance', 'AllergyIntolerance'),
    texts('foodPreferenceModifier'),
    texts('excludeFoodModifier'),
    field(
      'oralDiet',
      'oralDiet',
      shape([
        texts('type'),
        field('nutrient', 'nutrient', shapes([text('modifier'), same('amount')])),
        same('instruction'),
      ]),
    ),
    field(
      'supplement',
      'supplement',
      shapes([text('type'), same('productName'), same('quantity'), same('instruction')]),
    ),
    field(
      'enteralFormula',
      'enteralFormula',
      shape([
        text('baseFormulaType'),
        same('baseFormulaProductName'),
        text('additiveType'),
        text('routeOfAdministration', 'routeofAdministration'),
        same('administrationInstruction'),
      ]),
    ),
    note(),
  ],
  defaults: { dateTime: now },
  mainDate: firstDate('dateTime'),
});
