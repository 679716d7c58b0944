import { reference, same, text } from '../mapping.js';
import { CREATED_BY_DEFAULT, documentedAdapter } from './documented.js';

/** `payment-notices` <-> FHIR R4 PaymentNotice. */
export const paymentNoticeAdapter = documentedAdapter('payment-notices', {
  fields: [
    same('status'),
    reference('requestId', 'request', 'Claim'),
    reference('responseId', 'response', 'ClaimResponse'),
    same('created'),
    reference('providerId', 'provider', 'Practitioner'),
    reference('paymentId', 'payment', 'PaymentReconciliation'),
    same('paymentDate'),
    reference('payeeId', 'payee', 'Organization'),
    reference('recipientId', 'recipient', 'Organization'),
    same('amount'),
    text('paymentStatus'),
  ],
  ...CREATED_BY_DEFAULT,
});
