import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter, Simplified } from '../adapter.js';
import {
  asArray,
  bool,
  compact,
  idFromRef,
  isPlainObject,
  ref,
  str,
  textConcept,
  textOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';
import {
  addressFromFhir,
  addressToFhir,
  fromTelecom,
  fullNameOf,
  languagesFromFhir,
  languagesToFhir,
  nameParts,
  officialName,
  photoFromFhir,
  photoToFhir,
  telecomOf,
} from './people.js';

function contactToFhir(contact: Simplified) {
  return compact({
    relationship: contact.relationship ? [textConcept(contact.relationship)] : undefined,
    name:
      contact.firstName || contact.lastName
        ? compact({
            family: contact.lastName,
            given: contact.firstName ? [contact.firstName] : undefined,
          })
        : undefined,
    telecom: telecomOf(contact.email, contact.phone),
    address: addressToFhir(contact.address),
  });
}

function contactFromFhir(contact: Simplified): Simplified {
  const name = isPlainObject(contact.name) ? contact.name : {};
  return compact({
    relationship: textOf(asArray(contact.relationship)[0]),
    firstName:
      asArray(name.given)
        .filter((g) => typeof g === 'string')
        .join(' ') || undefined,
    lastName: str(name.family),
    ...fromTelecom(contact.telecom),
    address: addressFromFhir(contact.address),
  });
}

export const patientAdapter: ResourceAdapter = {
  definition: definitionOf('patients'),
  schemas: RESOURCE_SCHEMAS.patients,
  toFhir: (p, id) =>
    compact({
      resourceType: 'Patient',
      id,
      active: p.active ?? true,
      name: [officialName(p)],
      telecom: telecomOf(p.email, p.phone),
      gender: p.gender,
      birthDate: p.birthDate,
      address: p.address ? [addressToFhir(p.address)] : undefined,
      maritalStatus: textConcept(p.maritalStatus),
      photo: photoToFhir(p.photo),
      contact: asArray(p.contact).filter(isPlainObject).map(contactToFhir),
      communication: languagesToFhir(p.languages),
      generalPractitioner: p.generalPractitionerId
        ? [ref('Practitioner', str(p.generalPractitionerId))]
        : undefined,
    }) as FhirResource,
  fromFhir: (r) => {
    const { firstName, lastName } = nameParts(r.name);
    const contacts = asArray(r.contact).filter(isPlainObject).map(contactFromFhir);
    return compact({
      firstName,
      lastName,
      ...fromTelecom(r.telecom),
      gender: str(r.gender),
      birthDate: str(r.birthDate),
      address: addressFromFhir(asArray(r.address)[0]),
      maritalStatus: textOf(r.maritalStatus),
      photo: photoFromFhir(r.photo),
      contact: contacts,
      languages: languagesFromFhir(r.communication),
      generalPractitionerId: idFromRef(asArray(r.generalPractitioner)[0], 'Practitioner'),
      active: bool(r.active) ?? true,
    });
  },
  present: (p) => ({ fullName: fullNameOf(p), active: p.active ?? true }),
  mainDate: (p) => str(p.birthDate),
  nameText: (p) => fullNameOf(p),
  searchValues: (p) => ({
    email: str(p.email),
    phone: str(p.phone)?.replace(/\D/g, ''),
    gender: str(p.gender),
    birthDate: str(p.birthDate),
    active: String(p.active ?? true),
  }),
};
