import {
  field,
  firstDate,
  listOf,
  patient,
  reference,
  refTo,
  same,
  shapes,
  text,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `accounts` <-> FHIR R4 Account (`patientId` is the one `Account.subject`). */
export const accountAdapter = documentedAdapter('accounts', {
  fields: [
    same('status'),
    text('type'),
    same('name'),
    field('patientId', 'subject', listOf(refTo('Patient'))),
    same('servicePeriod'),
    field(
      'coverage',
      'coverage',
      shapes([reference('coverageId', 'coverage', 'Coverage'), same('priority')]),
    ),
    reference('ownerId', 'owner', 'Organization'),
    same('description'),
    field(
      'guarantor',
      'guarantor',
      shapes([patient('party', 'partyId'), same('onHold'), same('period')]),
    ),
    reference('partOfId', 'partOf', 'Account'),
  ],
  mainDate: firstDate('servicePeriod.start'),
});
