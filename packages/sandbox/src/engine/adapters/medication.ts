import { RESOURCE_SCHEMAS } from '@clinikapi/core';
import type { ResourceAdapter } from '../adapter.js';
import {
  asArray,
  compact,
  fromConcept,
  isPlainObject,
  str,
  textConcept,
  textOf,
  toConcept,
} from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { definitionOf } from './definition.js';

export const medicationAdapter: ResourceAdapter = {
  definition: definitionOf('medications'),
  schemas: RESOURCE_SCHEMAS.medications,
  toFhir: (m, id) =>
    compact({
      resourceType: 'Medication',
      id,
      code: toConcept(m.code),
      status: m.status,
      manufacturer: m.manufacturer ? { display: m.manufacturer } : undefined,
      form: textConcept(m.form),
      ingredient: asArray(m.ingredients).map((name) => ({ itemCodeableConcept: { text: name } })),
      batch:
        m.lotNumber || m.expirationDate
          ? compact({ lotNumber: m.lotNumber, expirationDate: m.expirationDate })
          : undefined,
    }) as FhirResource,
  fromFhir: (f) => {
    const batch = isPlainObject(f.batch) ? f.batch : {};
    const ingredients = asArray(f.ingredient)
      .filter(isPlainObject)
      .map((i) => textOf(i.itemCodeableConcept))
      .filter((name) => name !== undefined);
    return compact({
      code: fromConcept(f.code),
      status: str(f.status),
      form: textOf(f.form),
      manufacturer: isPlainObject(f.manufacturer) ? str(f.manufacturer.display) : undefined,
      ingredients,
      lotNumber: str(batch.lotNumber),
      expirationDate: str(batch.expirationDate),
    });
  },
  mainDate: (m) => str(m.expirationDate),
};
