import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  bool,
  compact,
  idsFromRefs,
  plain,
  refs,
  str,
  strings,
  textConcepts,
  textsOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const scheduleAdapter: ResourceAdapter = {
  definition: definitionOf('schedules'),
  schemas: RESOURCE_SCHEMAS.schedules,
  toFhir: (s, id) =>
    compact({
      resourceType: 'Schedule',
      id,
      active: s.active,
      serviceCategory: textConcepts(s.serviceCategory),
      serviceType: textConcepts(s.serviceType),
      specialty: textConcepts(s.specialty),
      actor: refs('Practitioner', s.actorIds),
      planningHorizon: plain(s.planningHorizon),
      comment: s.comment,
    }) as FhirResource,
  fromFhir: (r) =>
    compact({
      actorIds: idsFromRefs(r.actor, 'Practitioner'),
      active: bool(r.active),
      serviceCategory: textsOf(r.serviceCategory),
      serviceType: textsOf(r.serviceType),
      specialty: textsOf(r.specialty),
      planningHorizon: plain(r.planningHorizon),
      comment: str(r.comment),
    }),
  mainDate: (s) => str((s.planningHorizon as { start?: unknown } | undefined)?.start),
  searchValues: (s) => ({
    practitionerId: strings(s.actorIds),
    active: String(s.active ?? true),
  }),
};
