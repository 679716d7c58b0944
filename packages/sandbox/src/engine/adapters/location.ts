import { isPlainObject, strings } from '../fhir-helpers.js';
import { reference, same, telecom, text, texts } from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `locations` <-> FHIR R4 Location. */
export const locationAdapter = documentedAdapter('locations', {
  fields: [
    same('status'),
    same('name'),
    same('alias'),
    same('description'),
    same('mode'),
    texts('type'),
    telecom,
    same('address'),
    text('physicalType'),
    same('position'),
    reference('managingOrganizationId', 'managingOrganization', 'Organization'),
    reference('partOfId', 'partOf', 'Location'),
    same('hoursOfOperation'),
    same('availabilityExceptions'),
  ],
  search: {
    // Each part of the address matches on its own (line, city, state, postal code, country).
    address: (r) =>
      isPlainObject(r.address)
        ? strings(Object.values(r.address).flatMap((part) => part as string | string[]))
        : undefined,
  },
});
