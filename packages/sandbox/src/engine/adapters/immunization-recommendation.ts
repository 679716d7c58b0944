import { field, firstDate, patient, reference, same, shapes, text, texts } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `immunization-recommendations` <-> FHIR R4 ImmunizationRecommendation. */
export const immunizationRecommendationAdapter = documentedAdapter('immunization-recommendations', {
  fields: [
    patient('patient'),
    same('date'),
    reference('authorityId', 'authority', 'Organization'),
    field(
      'recommendation',
      'recommendation',
      shapes([
        texts('vaccineCode'),
        text('targetDisease'),
        text('forecastStatus'),
        texts('forecastReason'),
        field('dateCriterion', 'dateCriterion', shapes([text('code'), same('value')])),
        same('description'),
        same('series'),
        same('doseNumber', 'doseNumberPositiveInt'),
        same('seriesDoses', 'seriesDosesPositiveInt'),
      ]),
    ),
  ],
  mainDate: firstDate('date'),
  search: {
    vaccineCode: (r) => recommendations(r).flatMap((x) => x.vaccineCode ?? []),
    targetDisease: (r) => recommendations(r).flatMap((x) => x.targetDisease ?? []),
  },
});

function recommendations(record: Record<string, unknown>) {
  return (Array.isArray(record.recommendation) ? record.recommendation : []) as {
    vaccineCode?: string[];
    targetDisease?: string;
  }[];
}
