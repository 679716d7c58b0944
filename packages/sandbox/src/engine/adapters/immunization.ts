import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  bool,
  compact,
  fromConcept,
  idFromRef,
  isPlainObject,
  notesOf,
  noteText,
  plain,
  ref,
  str,
  textConcept,
  textOf,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const immunizationAdapter: ResourceAdapter = {
  definition: definitionOf('immunizations'),
  schemas: RESOURCE_SCHEMAS.immunizations,
  toFhir: (i, id) =>
    compact({
      resourceType: 'Immunization',
      id,
      status: i.status,
      vaccineCode: toConcept(i.vaccineCode),
      patient: ref('Patient', str(i.patientId)),
      encounter: ref('Encounter', str(i.encounterId)),
      occurrenceDateTime: i.occurrenceDateTime,
      primarySource: i.primarySource,
      lotNumber: i.lotNumber,
      site: textConcept(i.site),
      route: textConcept(i.route),
      doseQuantity: plain(i.doseQuantity),
      performer: i.performerId ? [{ actor: ref('Practitioner', str(i.performerId)) }] : undefined,
      note: notesOf(i.note),
    }) as FhirResource,
  fromFhir: (f) => {
    const performer = asArray(f.performer).filter(isPlainObject)[0];
    return compact({
      status: str(f.status),
      vaccineCode: fromConcept(f.vaccineCode),
      patientId: idFromRef(f.patient, 'Patient'),
      occurrenceDateTime: str(f.occurrenceDateTime),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      performerId: idFromRef(performer?.actor, 'Practitioner'),
      lotNumber: str(f.lotNumber),
      site: textOf(f.site),
      route: textOf(f.route),
      doseQuantity: plain(f.doseQuantity),
      primarySource: bool(f.primarySource),
      note: noteText(f.note),
    });
  },
  mainDate: (i) => str(i.occurrenceDateTime),
};
