import { field, firstDate, note, patient, reference, same, shapes, text } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `invoices` <-> FHIR R4 Invoice (`recipientId`: a Patient). */
export const invoiceAdapter = documentedAdapter('invoices', {
  fields: [
    same('status'),
    same('cancelledReason'),
    text('type'),
    patient(),
    reference('recipientId', 'recipient', 'Patient'),
    same('date'),
    field(
      'participant',
      'participant',
      shapes([text('role'), reference('actorId', 'actor', 'Practitioner')]),
    ),
    reference('issuerId', 'issuer', 'Organization'),
    reference('accountId', 'account', 'Account'),
    field(
      'lineItem',
      'lineItem',
      shapes([
        same('sequence'),
        text('chargeItemCode', 'chargeItemCodeableConcept'),
        same('priceComponent'),
      ]),
    ),
    same('totalNet'),
    same('totalGross'),
    same('paymentTerms'),
    note(),
  ],
  mainDate: firstDate('date'),
});
