import {
  field,
  firstDate,
  noteExtension,
  patient,
  reference,
  same,
  shape,
  shapes,
  text,
} from '../mapping.js';
import { documentedAdapter, now } from './documented.js';

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
    same('status'),
    text('type'),
    same('use'),
    patient('patient'),
    same('created'),
    reference('insurerId', 'insurer', 'Organization'),
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
  defaults: { created: now },
  mainDate: firstDate('created'),
});
