import { field, same, shapes, text, texts } from '../mapping.js';
import { canonicalHeader } from './canonical.js';
import { documentedAdapter } from './documented.js';

/** `measures` <-> FHIR R4 Measure. */
export const measureAdapter = documentedAdapter('measures', {
  fields: [
    ...canonicalHeader,
    text('scoring'),
    texts('type'),
    same('riskAdjustment'),
    same('rationale'),
    same('clinicalRecommendationStatement'),
    same('guidance'),
    field('group', 'group', shapes([text('code'), same('description')])),
  ],
});
