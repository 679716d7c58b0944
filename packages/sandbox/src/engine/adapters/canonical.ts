import { type FieldMapping, same, texts } from '../mapping.js';

/**
 * The metadata of definition resources (ActivityDefinition, PlanDefinition, Measure): FHIR's
 * canonical-resource elements, which the simplified shapes keep under the same names.
 */
export const canonicalHeader: readonly FieldMapping[] = [
  same('url'),
  same('version'),
  same('name'),
  same('title'),
  same('status'),
  same('experimental'),
  same('date'),
  same('publisher'),
  same('description'),
  same('purpose'),
  same('usage'),
  texts('topic'),
];
