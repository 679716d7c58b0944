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
  num,
  plain,
  ref,
  str,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

/** FHIR `protocolApplied[]` entries that carry a dose number as a positive integer. */
function protocolFromFhir(list: unknown) {
  const entries = asArray(list)
    .filter(isPlainObject)
    .flatMap((p) => {
      const dose = num(p.doseNumberPositiveInt);
      if (dose === undefined) return [];
      return [
        compact({
          series: str(p.series),
          doseNumberPositiveInt: dose,
          seriesDosesPositiveInt: num(p.seriesDosesPositiveInt),
        }),
      ];
    });
  return entries.length > 0 ? entries : undefined;
}

export const immunizationAdapter: ResourceAdapter = {
  definition: definitionOf('immunizations'),
  schemas: RESOURCE_SCHEMAS.immunizations,
  toFhir: (i, id) =>
    compact({
      resourceType: 'Immunization',
      id,
      status: i.status,
      statusReason: toConcept(i.statusReason),
      vaccineCode: toConcept(i.vaccineCode),
      patient: ref('Patient', str(i.patientId)),
      encounter: ref('Encounter', str(i.encounterId)),
      occurrenceDateTime: i.occurrenceDateTime,
      primarySource: i.primarySource,
      lotNumber: i.lotNumber,
      site: toConcept(i.site),
      route: toConcept(i.route),
      doseQuantity: plain(i.doseQuantity),
      performer: i.performerId ? [{ actor: ref('Practitioner', str(i.performerId)) }] : undefined,
      note: notesOf(i.note),
      protocolApplied: asArray(i.protocolApplied)
        .filter(isPlainObject)
        .map((p) => compact({ ...p })),
    }) as FhirResource,
  fromFhir: (f) => {
    const performer = asArray(f.performer).filter(isPlainObject)[0];
    return compact({
      status: str(f.status),
      statusReason: fromConcept(f.statusReason),
      vaccineCode: fromConcept(f.vaccineCode),
      patientId: idFromRef(f.patient, 'Patient'),
      occurrenceDateTime: str(f.occurrenceDateTime),
      encounterId: idFromRef(f.encounter, 'Encounter'),
      performerId: idFromRef(performer?.actor, 'Practitioner'),
      lotNumber: str(f.lotNumber),
      site: fromConcept(f.site),
      route: fromConcept(f.route),
      doseQuantity: plain(f.doseQuantity),
      protocolApplied: protocolFromFhir(f.protocolApplied),
      primarySource: bool(f.primarySource),
      note: noteText(f.note),
    });
  },
  mainDate: (i) => str(i.occurrenceDateTime),
};
