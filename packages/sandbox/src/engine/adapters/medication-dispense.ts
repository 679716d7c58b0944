import {
  type Converter,
  coded,
  encounter,
  field,
  firstDate,
  inside,
  listOf,
  note,
  patient,
  performers,
  reference,
  references,
  same,
  shape,
  TEXT,
  text,
} from '../mapping.js';
import { codeValues, documentedAdapter } from './documented.js';

/** Days <-> a UCUM quantity of days. */
const DAYS: Converter = {
  there: (days) =>
    typeof days === 'number'
      ? { value: days, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }
      : undefined,
  back: inside('value').back,
};

/** `medication-dispenses` <-> FHIR R4 MedicationDispense. */
export const medicationDispenseAdapter = documentedAdapter('medication-dispenses', {
  fields: [
    same('status'),
    text('statusReasonCodeableConcept'),
    text('category'),
    coded('medication', 'medicationCodeableConcept'),
    patient(),
    encounter('context'),
    performers,
    reference('locationId', 'location', 'Location'),
    references('authorizingPrescriptionIds', 'authorizingPrescription', 'MedicationRequest'),
    text('type'),
    same('quantity'),
    field('daysSupply', 'daysSupply', DAYS),
    same('whenPrepared'),
    same('whenHandedOver'),
    note(),
    field('dosageText', 'dosageInstruction', listOf(inside('text'))),
    field(
      'substitution',
      'substitution',
      shape([same('wasSubstituted'), text('type'), field('reason', 'reason', listOf(TEXT))]),
    ),
  ],
  mainDate: firstDate('whenHandedOver', 'whenPrepared'),
  search: { medication: (r) => codeValues(r.medication) },
});
