import {
  encounter,
  field,
  firstDate,
  note,
  patient,
  reference,
  references,
  same,
  shape,
  shapes,
  TEXT,
  text,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

const parameter = shapes([
  text('type'),
  same('valueString'),
  same('valueBoolean'),
  same('valueInteger'),
]);

/** `tasks` <-> FHIR R4 Task (`patientId` is `Task.for`, the beneficiary). */
export const taskAdapter = documentedAdapter('tasks', {
  fields: [
    references('basedOn', 'basedOn', 'ServiceRequest'),
    references('partOf', 'partOf', 'Task'),
    same('status'),
    text('statusReason'),
    text('businessStatus'),
    same('intent'),
    same('priority'),
    text('code'),
    same('description'),
    reference('focusId', 'focus', 'ServiceRequest'),
    patient('for'),
    encounter(),
    same('executionPeriod'),
    same('authoredOn'),
    reference('requesterId', 'requester', 'Practitioner'),
    reference('ownerId', 'owner', 'Practitioner'),
    field('reasonCode', 'reasonCode', TEXT),
    note(),
    field(
      'restriction',
      'restriction',
      shape([
        same('repetitions'),
        same('period'),
        references('recipientIds', 'recipient', 'Practitioner'),
      ]),
    ),
    field('input', 'input', parameter),
    field('output', 'output', parameter),
  ],
  mainDate: firstDate('authoredOn', 'executionPeriod.start'),
});
