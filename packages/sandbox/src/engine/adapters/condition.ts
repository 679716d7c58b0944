import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  fromConcept,
  idFromRef,
  notesOf,
  noteText,
  ref,
  str,
  systemCode,
  systemConcept,
  textConcept,
  textOf,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

export const conditionAdapter: ResourceAdapter = {
  definition: definitionOf('conditions'),
  schemas: RESOURCE_SCHEMAS.conditions,
  toFhir: (c, id) =>
    compact({
      resourceType: 'Condition',
      id,
      clinicalStatus: systemConcept(`${TERMINOLOGY}/condition-clinical`, c.clinicalStatus),
      verificationStatus: systemConcept(
        `${TERMINOLOGY}/condition-ver-status`,
        c.verificationStatus,
      ),
      category: c.category
        ? [systemConcept(`${TERMINOLOGY}/condition-category`, c.category)]
        : undefined,
      severity: textConcept(c.severity),
      code: toConcept(c.code),
      subject: ref('Patient', str(c.patientId)),
      encounter: ref('Encounter', str(c.encounterId)),
      onsetDateTime: c.onsetDateTime,
      abatementDateTime: c.abatementDateTime,
      recordedDate: c.recordedDate,
      note: notesOf(c.note),
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      code: fromConcept(f.code),
      patientId: idFromRef(f.subject, 'Patient'),
      clinicalStatus: systemCode(f.clinicalStatus),
      verificationStatus: systemCode(f.verificationStatus),
      category: systemCode(asArray(f.category)[0]),
      severity: textOf(f.severity),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      onsetDateTime: str(f.onsetDateTime),
      abatementDateTime: str(f.abatementDateTime),
      recordedDate: str(f.recordedDate),
      note: noteText(f.note),
    }),
  statusOf: (c) => str(c.clinicalStatus),
  mainDate: (c) => str(c.onsetDateTime) ?? str(c.recordedDate),
};
