import {
  coded,
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
import { codeValues, documentedAdapter } from './documented.js';

/** `device-requests` <-> FHIR R4 DeviceRequest (`code` is `codeCodeableConcept`). */
export const deviceRequestAdapter = documentedAdapter('device-requests', {
  fields: [
    references('basedOn', 'basedOn', 'ServiceRequest'),
    same('status'),
    same('intent'),
    same('priority'),
    coded('code', 'codeCodeableConcept'),
    patient(),
    encounter(),
    same('occurrenceDateTime'),
    same('occurrencePeriod'),
    same('authoredOn'),
    reference('requesterId', 'requester', 'Practitioner'),
    text('performerType'),
    reference('performerId', 'performer', 'Practitioner'),
    texts('reasonCode'),
    note(),
  ],
  mainDate: firstDate('occurrenceDateTime', 'occurrencePeriod.start', 'authoredOn'),
  search: { code: (r) => codeValues(r.code) },
});
