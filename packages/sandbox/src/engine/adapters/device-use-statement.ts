import { firstDate, note, patient, reference, references, same, text, texts } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `device-use-statements` <-> FHIR R4 DeviceUseStatement (`sourceId`: a reporting Patient). */
export const deviceUseStatementAdapter = documentedAdapter('device-use-statements', {
  fields: [
    references('basedOn', 'basedOn', 'ServiceRequest'),
    same('status'),
    patient(),
    same('timingDateTime'),
    same('timingPeriod'),
    same('recordedOn'),
    reference('sourceId', 'source', 'Patient'),
    reference('deviceId', 'device', 'Device'),
    texts('reasonCode'),
    text('bodySite'),
    note(),
  ],
  mainDate: firstDate('timingDateTime', 'timingPeriod.start', 'recordedOn'),
});
