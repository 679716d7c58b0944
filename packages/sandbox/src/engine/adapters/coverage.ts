import {
  field,
  firstDate,
  patient,
  REFERENCE_TEXT,
  references,
  same,
  shapes,
  text,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `coverages` <-> FHIR R4 Coverage (`patientId` is the beneficiary). */
export const coverageAdapter = documentedAdapter('coverages', {
  fields: [
    same('status'),
    text('type'),
    field('policyHolderRef', 'policyHolder', REFERENCE_TEXT),
    field('subscriberRef', 'subscriber', REFERENCE_TEXT),
    same('subscriberId'),
    patient('beneficiary'),
    same('dependent'),
    text('relationship'),
    same('period'),
    references('payorIds', 'payor', 'Organization'),
    field('class', 'class', shapes([text('type'), same('value'), same('name')])),
    same('order'),
    same('network'),
    same('subrogation'),
  ],
  mainDate: firstDate('period.start'),
  search: { payorId: (r) => r.payorIds as string[] | undefined },
});
