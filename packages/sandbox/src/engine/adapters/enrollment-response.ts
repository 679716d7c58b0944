import { firstDate, reference, same } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `enrollment-responses` <-> FHIR R4 EnrollmentResponse. */
export const enrollmentResponseAdapter = documentedAdapter('enrollment-responses', {
  fields: [
    same('status'),
    reference('requestId', 'request', 'EnrollmentRequest'),
    same('outcome'),
    same('disposition'),
    same('created'),
    reference('organizationId', 'organization', 'Organization'),
    reference('requestProviderId', 'requestProvider', 'Practitioner'),
  ],
  mainDate: firstDate('created'),
});
