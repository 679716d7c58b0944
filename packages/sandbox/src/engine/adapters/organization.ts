import {
  field,
  humanName,
  listOf,
  reference,
  SAME,
  same,
  shapes,
  telecom,
  text,
  texts,
} from '../mapping.js';
import { activeOrTrue, documentedAdapter } from './documented.js';

/** `organizations` <-> FHIR R4 Organization. */
export const organizationAdapter = documentedAdapter('organizations', {
  fields: [
    same('active'),
    texts('type'),
    same('name'),
    same('alias'),
    telecom,
    field('address', 'address', listOf(SAME)),
    reference('partOfId', 'partOf', 'Organization'),
    field('contact', 'contact', shapes([text('purpose'), humanName(false), telecom])),
  ],
  search: { active: activeOrTrue },
});
