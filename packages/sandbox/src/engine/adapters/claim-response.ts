import { field, noteExtension, reference, same, shape, shapes, text } from '../mapping.js';
import { adjudicatedHeader } from './claim.js';
import { CREATED_BY_DEFAULT, documentedAdapter } from './documented.js';

/** Adjudication lines, totals and payment (shared with explanations of benefit). */
export const adjudication = shapes([text('category'), same('amount')]);
export const adjudicatedTotals = field(
  'total',
  'total',
  shapes([text('category'), same('amount')]),
);
export const payment = field(
  'payment',
  'payment',
  shape([text('type'), same('date'), same('amount')]),
);

/** `claim-responses` <-> FHIR R4 ClaimResponse (`note` is an extension: R4 has none here). */
export const claimResponseAdapter = documentedAdapter('claim-responses', {
  fields: [
    noteExtension,
    ...adjudicatedHeader,
    reference('requestId', 'request', 'Claim'),
    same('outcome'),
    same('disposition'),
    same('preAuthRef'),
    text('payeeType'),
    field(
      'item',
      'item',
      shapes([same('itemSequence'), field('adjudication', 'adjudication', adjudication)]),
    ),
    adjudicatedTotals,
    payment,
    same('processNote'),
  ],
  ...CREATED_BY_DEFAULT,
});
