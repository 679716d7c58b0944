import { field, listOf, same, shapes, TEXT, text } from '../mapping.js';
import { canonicalHeader } from './canonical.js';
import { documentedAdapter } from './documented.js';

/** `plan-definitions` <-> FHIR R4 PlanDefinition. */
export const planDefinitionAdapter = documentedAdapter('plan-definitions', {
  fields: [
    ...canonicalHeader,
    text('type'),
    field('goal', 'goal', shapes([text('category'), text('description'), text('priority')])),
    field(
      'action',
      'action',
      shapes([
        same('title'),
        same('description'),
        same('priority'),
        field('code', 'code', listOf(TEXT)),
        text('type'),
        same('definitionUri'),
      ]),
    ),
  ],
});
