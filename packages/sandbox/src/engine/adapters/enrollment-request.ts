import { firstDate, patient, reference, same } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `enrollment-requests` <-> FHIR R4 EnrollmentRequest (`candidateId`: the Patient). */
export const enrollmentRequestAdapter = documentedAdapter('enrollment-requests', {
  fields: [
    same('status'),
    same('created'),
    reference('insurerId', 'insurer', 'Organization'),
    reference('providerId', 'provider', 'Practitioner'),
    patient('candidate', 'candidateId'),
    reference('coverageId', 'coverage', 'Coverage'),
  ],
  mainDate: firstDate('created'),
});
