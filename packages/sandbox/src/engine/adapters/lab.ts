import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  fromConcept,
  idFromRef,
  idsFromRefs,
  ref,
  refs,
  str,
  textConcepts,
  textsOf,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const labAdapter: ResourceAdapter = {
  definition: definitionOf('labs'),
  schemas: RESOURCE_SCHEMAS.labs,
  toFhir: (l, id) =>
    compact({
      resourceType: 'DiagnosticReport',
      id,
      status: l.status,
      category: textConcepts(l.category === undefined ? undefined : [l.category]),
      code: toConcept(l.code),
      subject: ref('Patient', str(l.patientId)),
      encounter: ref('Encounter', str(l.encounterId)),
      effectiveDateTime: l.effectiveDateTime,
      issued: l.issued,
      performer: l.performerId ? [ref('Practitioner', str(l.performerId))] : undefined,
      result: refs('Observation', l.resultIds),
      conclusion: l.conclusion,
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      status: str(f.status),
      code: fromConcept(f.code),
      patientId: idFromRef(f.subject, 'Patient'),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      performerId: idFromRef(asArray(f.performer)[0], 'Practitioner'),
      category: textsOf(f.category)?.[0],
      effectiveDateTime: str(f.effectiveDateTime),
      issued: str(f.issued),
      resultIds: idsFromRefs(f.result, 'Observation'),
      conclusion: str(f.conclusion),
    }),
  mainDate: (l) => str(l.effectiveDateTime) ?? str(l.issued),
};
