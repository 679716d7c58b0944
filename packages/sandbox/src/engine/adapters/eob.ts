import { field, reference, same, shapes } from '../mapping.js';
import { adjudicatedHeader, claimItem, insuranceLine } from './claim.js';
import { adjudicatedTotals, adjudication, payment } from './claim-response.js';
import { CREATED_BY_DEFAULT, documentedAdapter } from './documented.js';

/** `eobs` <-> FHIR R4 ExplanationOfBenefit. */
export const eobAdapter = documentedAdapter('eobs', {
  fields: [
    ...adjudicatedHeader,
    same('billablePeriod'),
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
  ...CREATED_BY_DEFAULT,
});
