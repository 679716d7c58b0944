import { field, noteExtension, patient, reference, same, shapes, text } from '../mapping.js';
import { CREATED_BY_DEFAULT, documentedAdapter } from './documented.js';

/** A billed line (shared with explanations of benefit). */
export const claimItem = [
  same('sequence'),
  text('productOrService'),
  same('quantity'),
  same('unitPrice'),
  same('net'),
] as const;

/** The elements claims, claim responses and explanations of benefit share. */
export const adjudicatedHeader = [
  same('status'),
  text('type'),
  same('use'),
  patient('patient'),
  same('created'),
  reference('insurerId', 'insurer', 'Organization'),
];

/** A claim's insurance line, without the sequence EOBs do not have. */
export const insuranceLine = [same('focal'), reference('coverageId', 'coverage', 'Coverage')];

/** `claims` <-> FHIR R4 Claim (`note` is an extension: R4 Claim has no note). */
export const claimAdapter = documentedAdapter('claims', {
  fields: [
    noteExtension,
    ...adjudicatedHeader,
    same('billablePeriod'),
    reference('providerId', 'provider', 'Practitioner'),
    text('priority'),
    field(
      'diagnosis',
      'diagnosis',
      shapes([same('sequence'), text('code', 'diagnosisCodeableConcept')]),
    ),
    field(
      'procedure',
      'procedure',
      shapes([same('sequence'), same('date'), text('code', 'procedureCodeableConcept')]),
    ),
    field('insurance', 'insurance', shapes([same('sequence'), ...insuranceLine])),
    field('item', 'item', shapes(claimItem)),
    same('total'),
  ],
  ...CREATED_BY_DEFAULT,
});
