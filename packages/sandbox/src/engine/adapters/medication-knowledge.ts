import { coded, DISPLAY, field, same, shape, shapes, text, texts } from '../mapping.js';
import { codeValues, documentedAdapter } from './documented.js';

/** `medication-knowledge` <-> FHIR R4 MedicationKnowledge (the manufacturer by name). */
export const medicationKnowledgeAdapter = documentedAdapter('medication-knowledge', {
  fields: [
    coded('code'),
    same('status'),
    field('manufacturer', 'manufacturer', DISPLAY),
    text('doseForm'),
    same('amount'),
    same('synonym'),
    texts('productType'),
    field(
      'ingredient',
      'ingredient',
      shapes([coded('item', 'itemCodeableConcept'), same('isActive'), same('strength')]),
    ),
    same('preparationInstruction'),
    texts('intendedRoute'),
    field('cost', 'cost', shapes([text('type'), same('source'), same('cost')])),
    field('packaging', 'packaging', shape([text('type'), same('quantity')])),
  ],
  search: { code: (r) => codeValues(r.code) },
});
