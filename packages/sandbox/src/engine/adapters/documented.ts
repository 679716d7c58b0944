import { getResourceSchemas, type ResourceDefinition } from '@clinikapi/core';
import type { ResourceAdapter, SearchValues, Simplified } from '../adapter.js';
import { compact, isPlainObject, str } from '../fhir-helpers.js';
import type { FhirResource } from '../fhir-types.js';
import { type FieldMapping, fieldsFromFhir, fieldsToFhir } from '../mapping.js';
import { COLUMN_PARAMS, normalizeValue } from '../search.js';
import { definitionOf } from './definition.js';

type SearchValue = string | readonly string[] | undefined;

/** Everything that differs between two resources written from the OpenAPI document. */
export interface DocumentedSpec {
  /** The simplified <-> FHIR mapping, field by field, in FHIR's element order. */
  readonly fields: readonly FieldMapping[];
  /** The main date (`dateFrom`, `dateTo`, `sort`); see `firstDate`. */
  readonly mainDate?: (record: Simplified) => string | undefined;
  /** Text the partial `name` search matches. Defaults to the record's `name`. */
  readonly nameText?: (record: Simplified) => string | undefined;
  /**
   * Values of search parameters that are not a same-named field of the record (e.g. `payorId`
   * from `payorIds`). Any other parameter matches the field of its name.
   */
  readonly search?: Readonly<Record<string, (record: Simplified) => SearchValue>>;
  /** Server defaults (e.g. `{ created: now }`) under what the client sent. */
  readonly defaults?: Readonly<Record<string, () => unknown>>;
}

/** The time of the write, for FHIR-required dates the API leaves optional. */
export const now = () => new Date().toISOString();

/**
 * For the financial resources whose FHIR `created` is required but optional in the API: it
 * defaults to the time of the write and is their main date.
 */
export const CREATED_BY_DEFAULT = {
  defaults: { created: now },
  mainDate: (record: Simplified) => str(record.created),
} as const;

/**
 * A resource adapter built from a declarative spec: registry row and schemas from core, FHIR
 * conversion from the field mappings, search values from the registry's parameter list. Throws at
 * startup when the path has no registry row or schemas.
 */
export function documentedAdapter(path: string, spec: DocumentedSpec): ResourceAdapter {
  const definition = definitionOf(path);
  const schemas = getResourceSchemas(path);
  if (!schemas) throw new Error(`No schemas for ${path}`);
  const { defaults } = spec;
  return {
    definition,
    schemas,
    toFhir: (record, id) =>
      compact({
        resourceType: definition.fhirType,
        id,
        ...fieldsToFhir(spec.fields, record),
      }) as FhirResource,
    fromFhir: (resource) => fieldsFromFhir(spec.fields, resource),
    ...(defaults && {
      defaults: (record: Simplified) => {
        const filled: Simplified = {};
        for (const [key, make] of Object.entries(defaults)) filled[key] = make();
        return { ...filled, ...record };
      },
    }),
    nameText: spec.nameText ?? ((record) => str(record.name)),
    ...(spec.mainDate && { mainDate: spec.mainDate }),
    searchValues: (record) => searchValuesOf(definition, spec.search ?? {}, record),
  };
}

/**
 * The exact-match values of a record's search parameters (those without a column of their own):
 * the spec's function, else the same-named field (strings, lists of strings, booleans as text),
 * normalized as the search normalizes its query.
 */
function searchValuesOf(
  definition: ResourceDefinition,
  custom: NonNullable<DocumentedSpec['search']>,
  record: Simplified,
): SearchValues {
  const values: SearchValues = {};
  for (const param of definition.searchParams) {
    if (COLUMN_PARAMS.has(param)) continue;
    const value = custom[param] ? custom[param](record) : fieldValue(record[param]);
    // Stored as queries are compared (phones by digits).
    if (typeof value === 'string') values[param] = normalizeValue(param, value);
    else if (value !== undefined) values[param] = value.map((v) => normalizeValue(param, v));
  }
  return values;
}

function fieldValue(value: unknown): SearchValue {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

/** Search values of a code given as text or a coding: the text, or the code and display. */
export function codeValues(code: unknown): SearchValue {
  if (typeof code === 'string') return code;
  if (!isPlainObject(code)) return undefined;
  return [str(code.code), str(code.display)].filter((v): v is string => v !== undefined);
}

/** FHIR's reading of an absent `active`: active (so `active=true` finds it). */
export const activeOrTrue = (record: Simplified) => String(record.active ?? true);
