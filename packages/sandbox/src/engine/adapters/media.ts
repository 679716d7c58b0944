import {
  encounter,
  firstDate,
  note,
  patient,
  reference,
  references,
  same,
  text,
  texts,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `media` <-> FHIR R4 Media. */
export const mediaAdapter = documentedAdapter('media', {
  fields: [
    references('basedOn', 'basedOn', 'ServiceRequest'),
    same('status'),
    text('type'),
    text('modality'),
    text('view'),
    patient(),
    encounter(),
    same('createdDateTime'),
    same('issued'),
    reference('operatorId', 'operator', 'Practitioner'),
    texts('reasonCode'),
    text('bodySite'),
    same('deviceName'),
    reference('deviceId', 'device', 'Device'),
    same('height'),
    same('width'),
    same('frames'),
    same('duration'),
    same('content'),
    note(),
  ],
  mainDate: firstDate('createdDateTime', 'issued'),
});
