import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  idFromRef,
  idsFromRefs,
  isPlainObject,
  ref,
  refs,
  str,
  textOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const assessmentAdapter: ResourceAdapter = {
  definition: definitionOf('assessments'),
  schemas: RESOURCE_SCHEMAS.assessments,
  toFhir: (a, id) =>
    compact({
      resourceType: 'ClinicalImpression',
      id,
      status: a.status,
      description: a.description,
      subject: ref('Patient', str(a.patientId)),
      encounter: ref('Encounter', str(a.encounterId)),
      date: a.date,
      assessor: ref('Practitioner', str(a.assessorId)),
      problem: refs('Condition', a.problemIds),
      summary: a.summary,
      finding: asArray(a.findings).map((text) => ({ itemCodeableConcept: { text } })),
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      status: str(f.status),
      patientId: idFromRef(f.subject, 'Patient'),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      assessorId: idFromRef(f.assessor, 'Practitioner'),
      date: str(f.date),
      description: str(f.description),
      summary: str(f.summary),
      findings: asArray(f.finding)
        .filter(isPlainObject)
        .map((x) => textOf(x.itemCodeableConcept))
        .filter((t) => t !== undefined),
      problemIds: idsFromRefs(f.problem, 'Condition'),
    }),
  mainDate: (a) => str(a.date),
};
