import { field, firstDate, reference, same, shapes, text } from '../mapping.js';
import { documentedAdapter, now } from './documented.js';

/** `payment-reconciliations` <-> FHIR R4 PaymentReconciliation (`requestId`: a Task). */
export const paymentReconciliationAdapter = documentedAdapter('payment-reconciliations', {
  fields: [
    same('status'),
    same('period'),
    same('created'),
    reference('paymentIssuerId', 'paymentIssuer', 'Organization'),
    reference('requestId', 'request', 'Task'),
    reference('requestorId', 'requestor', 'Practitioner'),
    same('outcome'),
    same('disposition'),
    same('paymentDate'),
    same('paymentAmount'),
    field(
      'detail',
      'detail',
      shapes([
        text('type'),
        reference('requestId', 'request', 'Claim'),
        reference('submitterId', 'submitter', 'Practitioner'),
        same('date'),
        reference('payeeId', 'payee', 'Organization'),
        same('amount'),
      ]),
    ),
    same('processNote'),
  ],
  defaults: { created: now },
  mainDate: firstDate('paymentDate'),
});
