import {
  coded,
  encounter,
  firstDate,
  note,
  patient,
  performers,
  reference,
  references,
  same,
  texts,
} from '../mapping.js';
import { codeValues, documentedAdapter } from './documented.js';

/** `charge-items` <-> FHIR R4 ChargeItem (R4 spells its body site `bodysite`). */
export const chargeItemAdapter = documentedAdapter('charge-items', {
  fields: [
    same('status'),
    coded('code'),
    patient(),
    encounter('context'),
    same('occurrenceDateTime'),
    same('occurrencePeriod'),
    performers,
    reference('performingOrganizationId', 'performingOrganization', 'Organization'),
    reference('requestingOrganizationId', 'requestingOrganization', 'Organization'),
    same('quantity'),
    texts('bodySite', 'bodysite'),
    same('priceOverride'),
    same('overrideReason'),
    same('enteredDate'),
    texts('reason'),
    references('accountIds', 'account', 'Account'),
    note(),
  ],
  mainDate: firstDate('occurrenceDateTime', 'occurrencePeriod.start', 'enteredDate'),
  search: { code: (r) => codeValues(r.code) },
});
