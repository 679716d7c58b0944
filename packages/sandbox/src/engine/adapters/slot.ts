import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  bool,
  compact,
  idFromRef,
  ref,
  str,
  strings,
  textConcept,
  textConcepts,
  textOf,
  textsOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const slotAdapter: ResourceAdapter = {
  definition: definitionOf('slots'),
  schemas: RESOURCE_SCHEMAS.slots,
  toFhir: (s, id) =>
    compact({
      resourceType: 'Slot',
      id,
      serviceType: textConcepts(s.serviceType === undefined ? undefined : [s.serviceType]),
      specialty: textConcepts(s.specialty === undefined ? undefined : [s.specialty]),
      appointmentType: textConcept(s.appointmentType),
      schedule: ref('Schedule', str(s.scheduleId)),
      status: s.status,
      start: s.start,
      end: s.end,
      overbooked: s.overbooked,
      comment: s.comment,
    }) as FhirResource,
  fromFhir: (r) =>
    compact({
      scheduleId: idFromRef(r.schedule, 'Schedule'),
      status: str(r.status),
      start: str(r.start),
      end: str(r.end),
      serviceType: textsOf(r.serviceType)?.[0],
      specialty: textsOf(r.specialty)?.[0],
      appointmentType: textOf(r.appointmentType),
      overbooked: bool(r.overbooked),
      comment: str(r.comment),
    }),
  mainDate: (s) => str(s.start),
  // A slot is found by its practitioner through its schedule's actors (looked up at write time).
  searchValues: async (s, ctx) => {
    const scheduleId = str(s.scheduleId);
    const schedule = scheduleId ? await ctx.readRecord('schedules', scheduleId) : undefined;
    return { scheduleId, practitionerId: strings(schedule?.actorIds) };
  },
};
