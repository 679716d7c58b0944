import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter, Simplified } from '../adapter.js';
import {
  asArray,
  compact,
  fromConcept,
  idFromRef,
  idsFromRefs,
  isPlainObject,
  notesOf,
  noteText,
  plain,
  ref,
  refs,
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

/** One range or several (simplified) as FHIR `referenceRange[]`. */
const rangesToFhir = (ranges: unknown) =>
  (Array.isArray(ranges) ? ranges : ranges ? [ranges] : []).filter(isPlainObject).map(rangeToFhir);
/** FHIR `referenceRange[]` back: one range reads back as an object, several as an array. */
const rangesFromFhir = (ranges: unknown) => {
  const list = asArray(ranges).filter(isPlainObject).map(rangeFromFhir);
  return list.length === 1 ? list[0] : list;
};

/** `interpretation` (one code, as text or a coding) as FHIR `CodeableConcept[]`, and back. */
const interpretationToFhir = (code: unknown) => (code ? [toConcept(code)] : undefined);
const interpretationFromFhir = (concepts: unknown) => fromConcept(asArray(concepts)[0]);

// FHIR R4 Observation.component has its own interpretation and referenceRange (a blood
// pressure flags its systolic and diastolic separately).
const componentToFhir = (c: Simplified) =>
  compact({
    code: toConcept(c.code),
    ...valueToFhir(c),
    interpretation: interpretationToFhir(c.interpretation),
    referenceRange: rangesToFhir(c.referenceRange),
  });
const componentFromFhir = (c: Simplified) =>
  compact({
    code: fromConcept(c.code),
    ...valueFromFhir(c),
    interpretation: interpretationFromFhir(c.interpretation),
    referenceRange: rangesFromFhir(c.referenceRange),
  });

export const observationAdapter: ResourceAdapter = {
  definition: definitionOf('observations'),
  schemas: RESOURCE_SCHEMAS.observations,
  toFhir: (o, id) =>
    compact({
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
      interpretation: interpretationToFhir(o.interpretation),
      note: notesOf(o.note),
      referenceRange: rangesToFhir(o.referenceRange),
      derivedFrom: refs('Observation', o.derivedFromIds),
      component: asArray(o.component).filter(isPlainObject).map(componentToFhir),
    }) as FhirResource,
  fromFhir: (r) =>
    compact({
      status: str(r.status),
      code: fromConcept(r.code),
      patientId: idFromRef(r.subject, 'Patient'),
      encounterId: idFromRef(r.encounter, 'Encounter'),
      performerId: idFromRef(asArray(r.performer)[0], 'Practitioner'),
      // Only Reference(Observation) reads back; other derivedFrom targets (Media, ...) are not
      // part of the simplified shape.
      derivedFromIds: idsFromRefs(r.derivedFrom, 'Observation'),
      effectiveDateTime: str(r.effectiveDateTime),
      ...valueFromFhir(r),
      component: asArray(r.component).filter(isPlainObject).map(componentFromFhir),
      category: systemCode(asArray(r.category)[0]),
      interpretation: interpretationFromFhir(r.interpretation),
      referenceRange: rangesFromFhir(r.referenceRange),
      note: noteText(r.note),
    }),
  mainDate: (o) => str(o.effectiveDateTime),
};
