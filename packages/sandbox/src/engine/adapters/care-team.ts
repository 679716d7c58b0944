import {
  encounter,
  field,
  firstDate,
  listOf,
  note,
  patient,
  reference,
  references,
  same,
  shapes,
  TEXT,
  telecom,
  texts,
} from '../mapping.js';
import { documentedAdapter } from './documented.js';

/** `care-teams` <-> FHIR R4 CareTeam (members are Practitioners, so ctm-1 holds). */
export const careTeamAdapter = documentedAdapter('care-teams', {
  fields: [
    same('status'),
    texts('category'),
    same('name'),
    patient(),
    encounter(),
    same('period'),
    field(
      'participant',
      'participant',
      shapes([
        field('role', 'role', listOf(TEXT)),
        reference('memberId', 'member', 'Practitioner'),
        reference('onBehalfOfId', 'onBehalfOf', 'Organization'),
        same('period'),
      ]),
    ),
    texts('reasonCode'),
    references('managingOrganizationIds', 'managingOrganization', 'Organization'),
    telecom,
    note(),
  ],
  mainDate: firstDate('period.start'),
});
