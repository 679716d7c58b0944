import type { ResourceAdapter } from '../engine/adapter.js';
import type { StringCondition, StringField, StringMatch } from '../engine/search.js';
import { HttpError, issue } from '../http/http-error.js';

/** FHIR types with the HumanName search parameters `family` and `given` (R4 individual-family/given). */
const HUMAN_NAME_TYPES: ReadonlySet<string> = new Set(['Patient', 'Practitioner']);

/** Parameters every FHIR search accepts and that change nothing here (R4 http.html#general). */
const NO_OP_PARAMETERS: ReadonlySet<string> = new Set(['_format', '_pretty']);

const MODIFIERS: Readonly<Record<string, StringMatch>> = {
  contains: 'contains',
  exact: 'exact',
};

/** `Prefer: handling=strict|lenient` (R4 search.html#errors); lenient when absent. */
export type SearchHandling = 'strict' | 'lenient';

export function handlingOf(prefer: string | string[] | undefined): SearchHandling {
  const values = (Array.isArray(prefer) ? prefer : [prefer ?? ''])
    .flatMap((header) => header.split(/[,;]/))
    .map((token) =>
      token
        .trim()
        .toLowerCase()
        .replace(/\s*=\s*/, '='),
    );
  return values.includes('handling=strict') ? 'strict' : 'lenient';
}

/** A FHIR search as the engine runs it, and what the Bundle says about it. */
export interface FhirSearch {
  /** Registry parameters, `count` and `cursor`, for `searchRows`. */
  readonly query: URLSearchParams;
  /** FHIR string parameters (`name`, `family`, `given`, with `:contains` / `:exact`). */
  readonly strings: StringCondition[];
  /** The parameters applied, in request order: the Bundle's `self` link (no cursor). */
  readonly used: URLSearchParams;
  /** Names of unknown parameters ignored under lenient handling. */
  readonly ignored: string[];
}

/** A parameter name safe to name in a message (never a value; names are not patient data). */
function nameForMessage(name: string): string {
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(name) ? `"${name}"` : 'a search parameter';
}

/** Splits `a,b\,c` into `['a', 'b,c']` (FHIR's escaped commas). */
function alternatives(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += value[i + 1];
      i++;
    } else if (c === ',') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.filter((v) => v.trim() !== '');
}

/**
 * Reads a FHIR search of `adapter`'s type. Known: `_count`, `cursor`, `_format`, `_pretty`, the
 * registry's (simplified) parameters, `name` where the type has one, and `family`/`given` on
 * Patient and Practitioner; string parameters take `:contains` and `:exact`. A modifier a known
 * parameter does not support answers 400 always (R4: servers SHALL reject them); an unknown
 * parameter answers 400 under `Prefer: handling=strict` and is ignored (left out of the `self`
 * link) otherwise.
 */
export function parseFhirSearch(
  adapter: ResourceAdapter,
  params: URLSearchParams,
  handling: SearchHandling,
): FhirSearch {
  const fhirType = adapter.definition.fhirType;
  const registry = new Set(adapter.definition.searchParams);
  const stringFields = new Set<StringField>();
  if (registry.has('name') || adapter.nameText || HUMAN_NAME_TYPES.has(fhirType)) {
    stringFields.add('name');
  }
  if (HUMAN_NAME_TYPES.has(fhirType)) {
    stringFields.add('family');
    stringFields.add('given');
  }

  const query = new URLSearchParams();
  const used = new URLSearchParams();
  const strings: StringCondition[] = [];
  const ignored: string[] = [];
  const unsupportedModifier = (key: string) =>
    new HttpError(
      400,
      'UNSUPPORTED_SEARCH_MODIFIER',
      'A search parameter has an unsupported modifier',
      [issue('not-supported', `Unsupported modifier on search parameter ${nameForMessage(key)}`)],
    );

  for (const [key, value] of params) {
    const colon = key.indexOf(':');
    const name = colon === -1 ? key : key.slice(0, colon);
    const modifier = colon === -1 ? undefined : key.slice(colon + 1);
    if (name === 'cursor' && modifier === undefined) {
      query.set('cursor', value);
      continue;
    }
    if ((name === '_count' || name === 'count') && modifier === undefined) {
      query.set('count', value);
      used.set(name, value);
      continue;
    }
    if (NO_OP_PARAMETERS.has(name) && modifier === undefined) {
      used.append(name, value);
      continue;
    }
    if (stringFields.has(name as StringField)) {
      const match = modifier === undefined ? 'word' : MODIFIERS[modifier];
      if (!match) throw unsupportedModifier(key);
      strings.push({ field: name as StringField, match, values: alternatives(value) });
      used.append(key, value);
      continue;
    }
    if (registry.has(name)) {
      if (modifier !== undefined) throw unsupportedModifier(key);
      if (!query.has(name)) query.set(name, value);
      used.append(key, value);
      continue;
    }
    if (handling === 'strict') {
      throw new HttpError(400, 'UNKNOWN_SEARCH_PARAMETER', 'Unknown search parameter', [
        issue('not-supported', `Unknown search parameter ${nameForMessage(key)} for ${fhirType}`),
      ]);
    }
    ignored.push(key);
  }
  return { query, strings, used, ignored };
}
