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

export const allergyAdapter: ResourceAdapter = {
  definition: definitionOf('allergies'),
  schemas: RESOURCE_SCHEMAS.allergies,
  toFhir: (a, id) =>
    compact({
      resourceType: 'AllergyIntolerance',
      id,
      clinicalStatus: systemConcept(`${TERMINOLOGY}/allergyintolerance-clinical`, a.clinicalStatus),
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
            manifestation: [{ text: r.manifestation }],
            description: r.description,
            severity: r.severity,
          }),
        ),
    }) as FhirResource,
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
        .map((r) =>
          compact({
            manifestation: textOf(asArray(r.manifestation)[0]),
            severity: str(r.severity),
            description: str(r.description),
          }),
        ),
      note: noteText(f.note),
    }),
  statusOf: (a) => str(a.clinicalStatus),
  mainDate: (a) => str(a.recordedDate) ?? str(a.onsetDateTime),
};
