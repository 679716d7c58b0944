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

/** `service-requests` <-> FHIR R4 ServiceRequest. */
export const serviceRequestAdapter = documentedAdapter('service-requests', {
  fields: [
    references('basedOn', 'basedOn', 'ServiceRequest'),
    references('replaces', 'replaces', 'ServiceRequest'),
    same('status'),
    same('intent'),
    texts('category'),
    same('priority'),
    same('doNotPerform'),
    coded('code'),
    patient(),
    encounter(),
    same('occurrenceDateTime'),
    same('occurrencePeriod'),
    same('asNeeded', 'asNeededBoolean'),
    same('authoredOn'),
    reference('requesterId', 'requester', 'Practitioner'),
    text('performerType'),
    references('performerIds', 'performer', 'Practitioner'),
    texts('reasonCode'),
    texts('bodySite'),
    note(),
    same('patientInstruction'),
  ],
  mainDate: firstDate('occurrenceDateTime', 'occurrencePeriod.start', 'authoredOn'),
  search: {
    performerId: (r) => r.performerIds as string[] | undefined,
    code: (r) => codeValues(r.code),
  },
});
