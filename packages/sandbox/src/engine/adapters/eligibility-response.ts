import { field, patient, reference, same, shapes, text } from '../mapping.js';
import { CREATED_BY_DEFAULT, documentedAdapter } from './documented.js';

/** `eligibility-responses` <-> FHIR R4 CoverageEligibilityResponse. */
export const eligibilityResponseAdapter = documentedAdapter('eligibility-responses', {
  fields: [
    same('status'),
    same('purpose'),
    patient('patient'),
    same('created'),
    reference('requestId', 'request', 'CoverageEligibilityRequest'),
    same('outcome'),
    same('disposition'),
    reference('insurerId', 'insurer', 'Organization'),
    field(
      'insurance',
      'insurance',
      shapes([
        reference('coverageId', 'coverage', 'Coverage'),
        same('inforce'),
        same('benefitPeriod'),
      ]),
    ),
    same('preAuthRef'),
    field('error', 'error', shapes([text('code')])),
  ],
  ...CREATED_BY_DEFAULT,
});
