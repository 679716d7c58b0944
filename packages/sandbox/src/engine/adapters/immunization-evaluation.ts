import { firstDate, patient, reference, same, text, texts } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `immunization-evaluations` <-> FHIR R4 ImmunizationEvaluation. */
export const immunizationEvaluationAdapter = documentedAdapter('immunization-evaluations', {
  fields: [
    same('status'),
    patient('patient'),
    same('date'),
    reference('authorityId', 'authority', 'Organization'),
    text('targetDisease'),
    reference('immunizationEventId', 'immunizationEvent', 'Immunization'),
    text('doseStatus'),
    texts('doseStatusReason'),
    same('description'),
    same('series'),
    same('doseNumber', 'doseNumberPositiveInt'),
    same('seriesDoses', 'seriesDosesPositiveInt'),
  ],
  mainDate: firstDate('date'),
});
