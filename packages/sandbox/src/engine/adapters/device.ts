import { isPlainObject, str } from '../fhir-helpers.js';
import { type Converter, field, note, patient, reference, same, text, texts } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** The device name <-> R4's `deviceName` list, as its user-friendly name. */
const USER_FRIENDLY_NAME: Converter = {
  there: (name) => (typeof name === 'string' ? [{ name, type: 'user-friendly-name' }] : undefined),
  back: (names) =>
    Array.isArray(names)
      ? str(names.filter(isPlainObject).find((n) => n.type === 'user-friendly-name')?.name)
      : undefined,
};

/** `devices` <-> FHIR R4 Device. */
export const deviceAdapter = documentedAdapter('devices', {
  fields: [
    same('udiCarrier'),
    same('status'),
    same('manufacturer'),
    same('manufactureDate'),
    same('expirationDate'),
    same('lotNumber'),
    same('serialNumber'),
    field('deviceName', 'deviceName', USER_FRIENDLY_NAME),
    same('modelNumber'),
    text('type'),
    patient('patient'),
    reference('ownerId', 'owner', 'Organization'),
    reference('locationId', 'location', 'Location'),
    same('url'),
    note(),
    texts('safety'),
    reference('parentId', 'parent', 'Device'),
  ],
});
