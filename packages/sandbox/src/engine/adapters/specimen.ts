import {
  field,
  firstDate,
  note,
  patient,
  reference,
  references,
  same,
  shape,
  shapes,
  text,
  texts,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `specimens` <-> FHIR R4 Specimen. */
export const specimenAdapter = documentedAdapter('specimens', {
  fields: [
    same('status'),
    text('type'),
    patient(),
    same('receivedTime'),
    references('parentIds', 'parent', 'Specimen'),
    references('requestIds', 'request', 'ServiceRequest'),
    field(
      'collection',
      'collection',
      shape([
        reference('collectorId', 'collector', 'Practitioner'),
        same('collectedDateTime'),
        same('quantity'),
        text('method'),
        text('bodySite'),
      ]),
    ),
    field(
      'container',
      'container',
      shapes([same('description'), text('type'), same('capacity'), same('specimenQuantity')]),
    ),
    texts('condition'),
    note(),
  ],
  mainDate: firstDate('collection.collectedDateTime', 'receivedTime'),
});
