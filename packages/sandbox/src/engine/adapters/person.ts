import {
  field,
  firstDate,
  humanName,
  listOf,
  reference,
  SAME,
  same,
  shapes,
  telecom,
} from '../mapping.js';
import { activeOrTrue, documentedAdapter } from './documented.js';

/** `persons` <-> FHIR R4 Person (`link.targetId` references a Patient). */
export const personAdapter = documentedAdapter('persons', {
  fields: [
    humanName(true),
    telecom,
    same('gender'),
    same('birthDate'),
    field('address', 'address', listOf(SAME)),
    same('photo'),
    reference('managingOrganizationId', 'managingOrganization', 'Organization'),
    same('active'),
    field('link', 'link', shapes([reference('targetId', 'target', 'Patient'), same('assurance')])),
  ],
  nameText: (r) => [r.firstName, r.lastName].filter((p) => typeof p === 'string').join(' '),
  mainDate: firstDate('birthDate'),
  search: { active: activeOrTrue },
});
