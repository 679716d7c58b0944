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
  plain,
  ref,
  refs,
  str,
  textConcepts,
  textsOf,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const carePlanAdapter: ResourceAdapter = {
  definition: definitionOf('care-plans'),
  schemas: RESOURCE_SCHEMAS['care-plans'],
  toFhir: (c, id) =>
    compact({
      resourceType: 'CarePlan',
      id,
      status: c.status,
      intent: c.intent ?? 'plan',
      category: textConcepts(c.category === undefined ? undefined : [c.category]),
      title: c.title,
      description: c.description,
      subject: ref('Patient', str(c.patientId)),
      period: plain(c.period),
      author: ref('Practitioner', str(c.authorId)),
      addresses: refs('Condition', c.conditionIds),
      goal: refs('Goal', c.goalIds),
      activity: asArray(c.activities)
        .filter(isPlainObject)
        .map((a) => ({
          detail: { status: a.status ?? 'not-started', description: a.description },
        })),
      note: notesOf(c.note),
    }) as FhirResource,
  fromFhir: (f) =>
    compact({
      status: str(f.status),
      intent: str(f.intent),
      patientId: idFromRef(f.subject, 'Patient'),
      title: str(f.title),
      description: str(f.description),
      category: textsOf(f.category)?.[0],
      period: plain(f.period),
      authorId: idFromRef(f.author, 'Practitioner'),
      goalIds: idsFromRefs(f.goal, 'Goal'),
      conditionIds: idsFromRefs(f.addresses, 'Condition'),
      activities: asArray(f.activity)
        .filter(isPlainObject)
        .map((a) => (isPlainObject(a.detail) ? a.detail : {}))
        .map((d) => compact({ description: str(d.description), status: str(d.status) })),
      note: noteText(f.note),
    }),
  mainDate: (c) => str((c.period as { start?: unknown } | undefined)?.start),
};
