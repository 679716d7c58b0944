import {
  CODING,
  eachOf,
  field,
  firstDate,
  inside,
  listOf,
  REFERENCE_TEXT,
  same,
  shape,
  shapes,
  TEXT,
  texts,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `audit-events` <-> FHIR R4 AuditEvent (`who`, `observer`, `what`: `Type/id` or a name). */
export const auditEventAdapter = documentedAdapter('audit-events', {
  fields: [
    field('type', 'type', CODING),
    field('subtype', 'subtype', eachOf(CODING)),
    same('action'),
    same('recorded'),
    same('outcome'),
    same('outcomeDesc'),
    texts('purposeOfEvent'),
    field(
      'agent',
      'agent',
      shapes([
        field('role', 'role', listOf(TEXT)),
        field('who', 'who', REFERENCE_TEXT),
        same('name'),
        same('requestor'),
        field('networkAddress', 'network', inside('address')),
      ]),
    ),
    field(
      'source',
      'source',
      shape([
        same('site'),
        field('observer', 'observer', REFERENCE_TEXT),
        field('type', 'type', listOf(CODING)),
      ]),
    ),
    field(
      'entity',
      'entity',
      shapes([
        field('what', 'what', REFERENCE_TEXT),
        field('type', 'type', CODING),
        field('role', 'role', CODING),
        same('name'),
        same('description'),
      ]),
    ),
  ],
  mainDate: firstDate('recorded'),
  search: {
    agent: (r) =>
      (Array.isArray(r.agent) ? r.agent : []).flatMap((a: { who?: string; name?: string }) =>
        [a.who, a.name].filter((v): v is string => typeof v === 'string'),
      ),
  },
});
