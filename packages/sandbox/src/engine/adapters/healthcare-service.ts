import { DISPLAY, eachOf, field, reference, same, telecom, texts } from '../mapping.js';
import { activeOrTrue, documentedAdapter } from './documented.js';

/** `healthcare-services` <-> FHIR R4 HealthcareService. */
export const healthcareServiceAdapter = documentedAdapter('healthcare-services', {
  fields: [
    same('active'),
    reference('providedById', 'providedBy', 'Organization'),
    texts('category'),
    texts('type'),
    texts('specialty'),
    field('locationNames', 'location', eachOf(DISPLAY)),
    same('name'),
    same('comment'),
    telecom,
    texts('program'),
    texts('communication'),
    texts('referralMethod'),
    same('appointmentRequired'),
    same('availableTime'),
    same('notAvailable'),
    same('availabilityExceptions'),
  ],
  search: { active: activeOrTrue },
});
