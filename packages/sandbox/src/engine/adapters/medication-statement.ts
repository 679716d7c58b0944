import {
  coded,
  encounter,
  field,
  firstDate,
  inside,
  listOf,
  note,
  patient,
  reference,
  references,
  same,
  text,
  texts,
} from '../mapping.js';
import { codeValues, documentedAdapter } from './documented.js';

/** `medication-statements` <-> FHIR R4 MedicationStatement (`informationSourceId`: a Patient). */
export const medicationStatementAdapter = documentedAdapter('medication-statements', {
  fields: [
    references('basedOn', 'basedOn', 'MedicationRequest'),
    references('partOf', 'partOf', 'MedicationDispense'),
    same('status'),
    texts('statusReason'),
    text('category'),
    coded('medication', 'medicationCodeableConcept'),
    patient(),
    encounter('context'),
    same('effectiveDateTime'),
    same('effectivePeriod'),
    same('dateAsserted'),
    reference('informationSourceId', 'informationSource', 'Patient'),
    texts('reasonCode'),
    note(),
    field('dosageText', 'dosage', listOf(inside('text'))),
  ],
  mainDate: firstDate('effectiveDateTime', 'effectivePeriod.start', 'dateAsserted'),
  search: { medication: (r) => codeValues(r.medication) },
});
