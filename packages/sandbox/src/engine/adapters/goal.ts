import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  idFromRef,
  idsFromRefs,
  isPlainObject,
  notesOf,
  noteText,
  ref,
  refs,
  str,
  systemCode,
  systemConcept,
  textOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

const TERMINOLOGY = 'http://terminology.hl7.org/CodeSystem';

export const goalAdapter: ResourceAdapter = {
  definition: definitionOf('goals'),
  schemas: RESOURCE_SCHEMAS.goals,
  toFhir: (g, id) =>
    compact({
      resourceType: 'Goal',
      id,
      lifecycleStatus: g.lifecycleStatus,
      achievementStatus: systemConcept(`${TERMINOLOGY}/goal-achievement`, g.achievementStatus),
      priority: systemConcept(`${TERMINOLOGY}/goal-priority`, g.priority),
      description: { text: g.description },
      subject: ref('Patient', str(g.patientId)),
      startDate: g.startDate,
      target: g.targetDate ? [{ dueDate: g.targetDate }] : undefined,
      addresses: refs('Condition', g.conditionIds),
      note: notesOf(g.note),
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      lifecycleStatus: str(f.lifecycleStatus),
      description: textOf(f.description),
      patientId: idFromRef(f.subject, 'Patient'),
      achievementStatus: systemCode(f.achievementStatus),
      priority: systemCode(f.priority),
      startDate: str(f.startDate),
      targetDate: str(asArray(f.target).filter(isPlainObject)[0]?.dueDate),
      conditionIds: idsFromRefs(f.addresses, 'Condition'),
      note: noteText(f.note),
    }),
  statusOf: (g) => str(g.lifecycleStatus),
  mainDate: (g) => str(g.startDate),
};
