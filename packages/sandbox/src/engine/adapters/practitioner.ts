import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter, Simplified } from '../adapter.js';
import { asArray, bool, compact, isPlainObject, str, textOf } from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';
import {
  addressFromFhir,
  addressToFhir,
  fromTelecom,
  fullNameOf,
  nameParts,
  officialName,
  photoFromFhir,
  photoToFhir,
  telecomOf,
} from './people.js';

const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';
/** R4 Practitioner has no specialty or preferred-language element: these extensions carry them. */
const SPECIALTY_EXT = 'https://clinikapi.com/fhir/StructureDefinition/practitioner-specialty';
const PREFERRED_EXT = 'https://clinikapi.com/fhir/StructureDefinition/preferred-language';

function qualificationToFhir(q: Simplified) {
  return compact({
    identifier: q.identifier ? [{ value: q.identifier }] : undefined,
    code: { text: q.name },
    period: isPlainObject(q.period) ? compact({ ...q.period }) : undefined,
    issuer: q.issuer ? { display: q.issuer } : undefined,
  });
}

function qualificationFromFhir(q: Simplified): Simplified {
  const period = isPlainObject(q.period) ? q.period : undefined;
  return compact({
    name: textOf(q.code),
    issuer: isPlainObject(q.issuer) ? str(q.issuer.display) : undefined,
    period: period ? compact({ start: str(period.start), end: str(period.end) }) : undefined,
    identifier: str(asArray(q.identifier).filter(isPlainObject)[0]?.value),
  });
}

const extensionValue = (r: FhirResource | Simplified, url: string) =>
  asArray(r.extension)
    .filter(isPlainObject)
    .find((e) => e.url === url);

export const practitionerAdapter: ResourceAdapter = {
  definition: definitionOf('practitioners'),
  schemas: RESOURCE_SCHEMAS.practitioners,
  toFhir: (p, id) =>
    compact({
      resourceType: 'Practitioner',
      id,
      extension: p.specialty ? [{ url: SPECIALTY_EXT, valueString: p.specialty }] : undefined,
      identifier: p.npi ? [{ system: NPI_SYSTEM, value: p.npi }] : undefined,
      active: p.active ?? true,
      name: [officialName(p)],
      telecom: telecomOf(p.email, p.phone),
      address: p.address ? [addressToFhir(p.address)] : undefined,
      gender: p.gender,
      birthDate: p.birthDate,
      photo: photoToFhir(p.photo),
      qualification: asArray(p.qualifications).filter(isPlainObject).map(qualificationToFhir),
      communication: asArray(p.languages)
        .filter(isPlainObject)
        .map((l) =>
          compact({
            extension:
              l.preferred === undefined
                ? undefined
                : [{ url: PREFERRED_EXT, valueBoolean: l.preferred }],
            text: l.language,
          }),
        ),
    }) as FhirResource,
  fromFhir: (r) => {
    const npi = asArray(r.identifier)
      .filter(isPlainObject)
      .find((i) => i.system === NPI_SYSTEM);
    const languages = asArray(r.communication)
      .filter(isPlainObject)
      .map((c) =>
        compact({
          language: textOf(c),
          preferred: bool(extensionValue(c, PREFERRED_EXT)?.valueBoolean),
        }),
      );
    return compact({
      ...nameParts(r.name),
      ...fromTelecom(r.telecom),
      gender: str(r.gender),
      birthDate: str(r.birthDate),
      npi: str(npi?.value),
      specialty: str(extensionValue(r, SPECIALTY_EXT)?.valueString),
      qualifications: asArray(r.qualification).filter(isPlainObject).map(qualificationFromFhir),
      languages,
      address: addressFromFhir(asArray(r.address)[0]),
      photo: photoFromFhir(r.photo),
      active: bool(r.active) ?? true,
    });
  },
  present: (p) => ({ fullName: fullNameOf(p), active: p.active ?? true }),
  nameText: (p) => fullNameOf(p),
  searchValues: (p) => ({
    specialty: str(p.specialty),
    npi: str(p.npi),
    active: String(p.active ?? true),
  }),
};
