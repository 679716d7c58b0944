import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter, Simplified } from '../adapter.js';
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
  systemCode,
  systemConcept,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';

const valueToFhir = (v: Simplified) =>
  compact({
    valueQuantity: plain(v.valueQuantity),
    valueString: v.valueString,
    valueCodeableConcept: toConcept(v.valueCodeableConcept),
  });

const valueFromFhir = (v: Simplified) =>
  compact({
    valueQuantity: plain(v.valueQuantity),
    valueString: str(v.valueString),
    valueCodeableConcept: fromConcept(v.valueCodeableConcept),
  });

const rangeToFhir = (r: Simplified) =>
  compact({ low: plain(r.low), high: plain(r.high), text: r.text });
const rangeFromFhir = (r: Simplified) =>
  compact({ low: plain(r.low), high: plain(r.high), text: str(r.text) });

export const observationAdapter: ResourceAdapter = {
  definition: definitionOf('observations'),
  schemas: RESOURCE_SCHEMAS.observations,
  toFhir: (o, id) => {
    const ranges = Array.isArray(o.referenceRange)
      ? o.referenceRange
      : o.referenceRange
        ? [o.referenceRange]
        : [];
    return compact({
      resourceType: 'Observation',
      id,
      status: o.status,
      category: o.category ? [systemConcept(CATEGORY_SYSTEM, o.category)] : undefined,
      code: toConcept(o.code),
      subject: ref('Patient', str(o.patientId)),
      encounter: ref('Encounter', str(o.encounterId)),
      effectiveDateTime: o.effectiveDateTime,
      performer: o.performerId ? [ref('Practitioner', str(o.performerId))] : undefined,
      ...valueToFhir(o),
      interpretation: o.interpretation ? [toConcept(o.interpretation)] : undefined,
      note: notesOf(o.note),
      referenceRange: ranges.filter(isPlainObject).map(rangeToFhir),
      component: asArray(o.component)
        .filter(isPlainObject)
        .map((c) => compact({ code: toConcept(c.code), ...valueToFhir(c) })),
    }) as FhirResource;
  },
  fromFhir: (r) => {
    const ranges = asArray(r.referenceRange).filter(isPlainObject).map(rangeFromFhir);
    return compact({
      status: str(r.status),
      code: fromConcept(r.code),
      patientId: idFromRef(r.subject, 'Patient'),
      encounterId: idFromRef(r.encounter, 'Encounter'),
      performerId: idFromRef(asArray(r.performer)[0], 'Practitioner'),
      effectiveDateTime: str(r.effectiveDateTime),
      ...valueFromFhir(r),
      component: asArray(r.component)
        .filter(isPlainObject)
        .map((c) => compact({ code: fromConcept(c.code), ...valueFromFhir(c) })),
      category: systemCode(asArray(r.category)[0]),
      interpretation: fromConcept(asArray(r.interpretation)[0]),
      // One range reads back as an object, several as an array.
      referenceRange: ranges.length === 1 ? ranges[0] : ranges,
      note: noteText(r.note),
    });
  },
  mainDate: (o) => str(o.effectiveDateTime),
};
