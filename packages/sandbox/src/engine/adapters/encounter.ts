import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  idFromRef,
  isPlainObject,
  ref,
  str,
  textConcept,
  textConcepts,
  textOf,
  textsOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const CLASS_CODES: Record<string, string> = {
  ambulatory: 'AMB',
  emergency: 'EMER',
  inpatient: 'IMP',
  virtual: 'VR',
  home: 'HH',
};
const CLASS_NAMES = Object.fromEntries(Object.entries(CLASS_CODES).map(([k, v]) => [v, k]));

export const encounterAdapter: ResourceAdapter = {
  definition: definitionOf('encounters'),
  schemas: RESOURCE_SCHEMAS.encounters,
  toFhir: (e, id) =>
    compact({
      resourceType: 'Encounter',
      id,
      status: e.status,
      class: {
        system: ACT_CODE_SYSTEM,
        code: CLASS_CODES[str(e.class) ?? ''] ?? 'AMB',
        display: e.class,
      },
      type: textConcepts(e.type === undefined ? undefined : [e.type]),
      serviceType: textConcept(e.serviceType),
      subject: ref('Patient', str(e.patientId)),
      participant: e.practitionerId
        ? [{ individual: ref('Practitioner', str(e.practitionerId)) }]
        : undefined,
      appointment: e.appointmentId ? [ref('Appointment', str(e.appointmentId))] : undefined,
      period: e.start || e.end ? compact({ start: e.start, end: e.end }) : undefined,
      reasonCode: textConcepts(e.reasonCode === undefined ? undefined : [e.reasonCode]),
    }) as FhirResource,
  fromFhir: (f) => {
    const period = isPlainObject(f.period) ? f.period : {};
    const encounterClass = isPlainObject(f.class) ? str(f.class.code) : undefined;
    const participant = asArray(f.participant).filter(isPlainObject)[0];
    return compact({
      status: str(f.status),
      class: CLASS_NAMES[encounterClass ?? ''],
      patientId: idFromRef(f.subject, 'Patient'),
      practitionerId: idFromRef(participant?.individual, 'Practitioner'),
      appointmentId: idFromRef(asArray(f.appointment)[0], 'Appointment'),
      type: textsOf(f.type)?.[0],
      serviceType: textOf(f.serviceType),
      reasonCode: textsOf(f.reasonCode)?.[0],
      start: str(period.start),
      end: str(period.end),
    });
  },
  mainDate: (e) => str(e.start),
};
