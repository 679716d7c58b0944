import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  fromConcept,
  idFromRef,
  isPlainObject,
  notesOf,
  noteText,
  plain,
  ref,
  str,
  strings,
  systemCode,
  systemConcept,
  textOf,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

/** A reaction's manifestation: its text, with the coding when there is one (one CodeableConcept). */
function manifestationOf(reaction: Record<string, unknown>) {
  const coding = plain(reaction.manifestationCoding);
  return compact({ coding: coding ? [coding] : undefined, text: str(reaction.manifestation) });
}

export const allergyAdapter: ResourceAdapter = {
  definition: definitionOf('allergies'),
  schemas: RESOURCE_SCHEMAS.allergies,
  toFhir: (a, id) => {
    // FHIR R4 ait-2: an entered-in-error record carries no clinical status.
    const erroneous = a.verificationStatus === 'entered-in-error';
    return compact({
      resourceType: 'AllergyIntolerance',
      id,
      clinicalStatus: erroneous
        ? undefined
        : systemConcept(`${TERMINOLOGY}/allergyintolerance-clinical`, a.clinicalStatus),
      verificationStatus: systemConcept(
        `${TERMINOLOGY}/allergyintolerance-verification`,
        a.verificationStatus,
      ),
      type: a.type,
      category: a.category,
      criticality: a.criticality,
      code: toConcept(a.code),
      patient: ref('Patient', str(a.patientId)),
      onsetDateTime: a.onsetDateTime,
      recordedDate: a.recordedDate,
      note: notesOf(a.note),
      reaction: asArray(a.reactions)
        .filter(isPlainObject)
        .map((r) =>
          compact({
            manifestation: [manifestationOf(r)],
            description: r.description,
            severity: r.severity,
          }),
        ),
    }) as FhirResource;
  },
  fromFhir: (f) =>
    compact({
      code: fromConcept(f.code),
      patientId: idFromRef(f.patient, 'Patient'),
      clinicalStatus: systemCode(f.clinicalStatus),
      verificationStatus: systemCode(f.verificationStatus),
      type: str(f.type),
      category: strings(f.category),
      criticality: str(f.criticality),
      onsetDateTime: str(f.onsetDateTime),
      recordedDate: str(f.recordedDate),
      reactions: asArray(f.reaction)
        .filter(isPlainObject)
        .map((r) => {
          const manifestation = asArray(r.manifestation)[0];
          const coding = isPlainObject(manifestation)
            ? asArray(manifestation.coding).filter(isPlainObject)[0]
            : undefined;
          return compact({
            manifestation: textOf(manifestation),
            manifestationCoding: coding
              ? compact({
                  system: str(coding.system),
                  code: str(coding.code),
                  display: str(coding.display),
                })
              : undefined,
            severity: str(r.severity),
            description: str(r.description),
          });
        }),
      note: noteText(f.note),
    }),
  statusOf: (a) => str(a.clinicalStatus),
  mainDate: (a) => str(a.recordedDate) ?? str(a.onsetDateTime),
};
