import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter, Simplified } from '../adapter.js';
import {
  asArray,
  compact,
  idFromRef,
  isPlainObject,
  num,
  plain,
  ref,
  str,
  systemCode,
  systemConcept,
  textConcept,
  textConcepts,
  textOf,
  textsOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { holdSlots } from './booking.js';
import { definitionOf } from './definition.js';

const APPOINTMENT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0276';

const one = (value: unknown) => (value === undefined ? undefined : [value]);

function participantsOf(a: Simplified) {
  return [
    { actor: ref('Patient', str(a.patientId)), status: 'accepted' },
    a.practitionerId
      ? { actor: ref('Practitioner', str(a.practitionerId)), status: 'accepted' }
      : undefined,
  ].filter((p) => p !== undefined);
}

function actorId(participants: unknown, type: string): string | undefined {
  for (const p of asArray(participants).filter(isPlainObject)) {
    const id = idFromRef(p.actor, type);
    if (id) return id;
  }
  return undefined;
}

export const appointmentAdapter: ResourceAdapter = {
  definition: definitionOf('appointments'),
  schemas: RESOURCE_SCHEMAS.appointments,
  toFhir: (a, id) =>
    compact({
      resourceType: 'Appointment',
      id,
      status: a.status,
      cancelationReason: textConcept(a.cancelationReason),
      serviceCategory: textConcepts(one(a.serviceCategory)),
      serviceType: textConcepts(one(a.serviceType)),
      specialty: textConcepts(one(a.specialty)),
      // v2-0276 codes are upper-case (ROUTINE, WALKIN); the API writes them lower-case.
      appointmentType: systemConcept(
        APPOINTMENT_REASON_SYSTEM,
        str(a.appointmentType)?.toUpperCase(),
      ),
      reasonCode: textConcepts(one(a.reasonCode)),
      priority: a.priority,
      description: a.description,
      slot: a.slotId ? [ref('Slot', str(a.slotId))] : undefined,
      start: a.start,
      end: a.end,
      minutesDuration: a.minutesDuration,
      created: a.created,
      comment: a.comment,
      patientInstruction: a.patientInstruction,
      basedOn: a.basedOnId ? [ref('ServiceRequest', str(a.basedOnId))] : undefined,
      participant: participantsOf(a),
      requestedPeriod: asArray(a.requestedPeriod).map(plain),
    }) as FhirResource,
  fromFhir: (r) =>
    compact({
      status: str(r.status),
      patientId: actorId(r.participant, 'Patient'),
      practitionerId: actorId(r.participant, 'Practitioner'),
      slotId: idFromRef(asArray(r.slot)[0], 'Slot'),
      start: str(r.start),
      end: str(r.end),
      minutesDuration: num(r.minutesDuration),
      appointmentType: systemCode(r.appointmentType)?.toLowerCase(),
      serviceType: textsOf(r.serviceType)?.[0],
      serviceCategory: textsOf(r.serviceCategory)?.[0],
      specialty: textsOf(r.specialty)?.[0],
      reasonCode: textsOf(r.reasonCode)?.[0],
      priority: num(r.priority),
      description: str(r.description),
      comment: str(r.comment),
      patientInstruction: str(r.patientInstruction),
      cancelationReason: textOf(r.cancelationReason),
      basedOnId: idFromRef(asArray(r.basedOn)[0], 'ServiceRequest'),
      requestedPeriod: asArray(r.requestedPeriod)
        .map(plain)
        .filter((p) => p !== undefined),
      created: str(r.created),
    }),
  mainDate: (a) => str(a.start),
  searchValues: (a) => ({ practitionerId: str(a.practitionerId), slotId: str(a.slotId) }),
  beforeWrite: holdSlots,
};
