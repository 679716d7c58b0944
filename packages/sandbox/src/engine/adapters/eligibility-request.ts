import { field, patient, reference, same, shapes, text } from '../mapping.js';
import { insuranceLine } from './claim.js';
import { CREATED_BY_DEFAULT, documentedAdapter } from './documented.js';

/** `eligibility-requests` <-> FHIR R4 CoverageEligibilityRequest. */
export const eligibilityRequestAdapter = documentedAdapter('eligibility-requests', {
  fields: [
    same('status'),
    same('purpose'),
    patient('patient'),
    same('servicedDate'),
    same('servicedPeriod'),
    same('created'),
    reference('providerId', 'provider', 'Practitioner'),
    reference('insurerId', 'insurer', 'Organization'),
    field('insurance', 'insurance', shapes(insuranceLine)),
    field('item', 'item', shapes([text('category'), text('productOrService')])),
  ],
  ...CREATED_BY_DEFAULT,
});
