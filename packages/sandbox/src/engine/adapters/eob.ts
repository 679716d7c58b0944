import { field, firstDate, patient, reference, same, shapes, text } from '../mapping.js';
import { claimItem, insuranceLine } from './claim.js';
import { adjudicatedTotals, adjudication, payment } from './claim-response.js';
import { documentedAdapter, now } from './documented.js';

/** `eobs` <-> FHIR R4 ExplanationOfBenefit. */
export const eobAdapter = documentedAdapter('eobs', {
  fields: [
    same('status'),
    text('type'),
    same('use'),
    patient('patient'),
    same('billablePeriod'),
    same('created'),
    reference('insurerId', 'insurer', 'Organization'),
    reference('providerId', 'provider', 'Practitioner'),
    reference('claimId', 'claim', 'Claim'),
    reference('claimResponseId', 'claimResponse', 'ClaimResponse'),
    same('outcome'),
    same('disposition'),
    field('insurance', 'insurance', shapes(insuranceLine)),
    field(
      'item',
      'item',
      shapes([...claimItem, field('adjudication', 'adjudication', adjudication)]),
    ),
    adjudicatedTotals,
    payment,
    same('processNote'),
  ],
  defaults: { created: now },
  mainDate: firstDate('created'),
});
