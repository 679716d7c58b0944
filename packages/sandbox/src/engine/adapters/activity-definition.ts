import { coded, field, reference, same, shapes, text, texts } from '../mapping.js';
import { canonicalHeader } from './canonical.js';
import { codeValues, documentedAdapter } from './documented.js';

/** `activity-definitions` <-> FHIR R4 ActivityDefinition. */
export const activityDefinitionAdapter = documentedAdapter('activity-definitions', {
  fields: [
    ...canonicalHeader,
    same('kind'),
    coded('code'),
    same('intent'),
    same('priority'),
    same('doNotPerform'),
    same('timingDateTime'),
    same('timingPeriod'),
    reference('locationId', 'location', 'Location'),
    field('participant', 'participant', shapes([same('type'), text('role')])),
    same('quantity'),
    texts('bodySite'),
  ],
  search: { code: (r) => codeValues(r.code) },
});
