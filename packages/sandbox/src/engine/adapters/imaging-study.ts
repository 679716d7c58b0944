import {
  CODING,
  eachOf,
  encounter,
  field,
  firstDate,
  note,
  patient,
  reference,
  references,
  same,
  shapes,
  texts,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `imaging-studies` <-> FHIR R4 ImagingStudy (modalities as DICOM `Coding`s). */
export const imagingStudyAdapter = documentedAdapter('imaging-studies', {
  fields: [
    same('status'),
    field('modality', 'modality', eachOf(CODING)),
    patient(),
    encounter(),
    same('started'),
    references('basedOn', 'basedOn', 'ServiceRequest'),
    reference('referrerId', 'referrer', 'Practitioner'),
    references('interpreterIds', 'interpreter', 'Practitioner'),
    same('numberOfSeries'),
    same('numberOfInstances'),
    texts('procedureCode'),
    reference('locationId', 'location', 'Location'),
    texts('reasonCode'),
    note(),
    same('description'),
    field(
      'series',
      'series',
      shapes([
        same('uid'),
        same('number'),
        field('modality', 'modality', CODING),
        same('description'),
        same('numberOfInstances'),
        field('bodySite', 'bodySite', CODING),
        field('laterality', 'laterality', CODING),
        same('started'),
      ]),
    ),
  ],
  mainDate: firstDate('started'),
});
