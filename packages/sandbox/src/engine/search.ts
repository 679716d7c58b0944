import { createHash } from 'node:crypto';
import type { ListPage } from '@clinikapi/core';
import { isValidId } from '@clinikapi/core';
import type { Queryable } from '../db/database.js';
import { issue, validationError } from '../http/http-error.js';
import type { ResourceAdapter } from './adapter.js';
import { type CursorCodec, parseCount } from './cursor.js';
import {
  type Filters,
  type PageRow,
  pageQuery,
  positionOf,
  type SearchTable,
  type SortOrder,
} from './keyset.js';
import { COUNT_BY_NAME_WORDS_SQL } from './name-words.js';
import type { ResourceRow } from './rows.js';
import { foldSearchText } from './search-text.js';
import type { TenantScope } from './write-context.js';

const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Parameters with their own column; everything else in the registry matches the `search` JSON. */
export const COLUMN_PARAMS: ReadonlySet<string> = new Set([
  'name',
  'patientId',
  'status',
  'dateFrom',
  'dateTo',
  'sort',
]);

class SqlBuilder {
  readonly params: unknown[] = [];
  readonly where: string[] = [];
  add(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

function parseInstant(name: string, raw: string, endOfDay: boolean): string {
  const time = Date.parse(raw);
  if (!DATE_OR_DATETIME.test(raw) || Number.isNaN(time)) {
    throw validationError([
      issue('value', `${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`),
    ]);
  }
  // A date-only upper bound includes the whole day.
  const instant = endOfDay && DATE_ONLY.test(raw) ? time + DAY_MS - 1 : time;
  return new Date(instant).toISOString();
}

/** The name fields FHIR string search reads (HumanName `family`/`given`; `name` is all of them). */
export type StringField = 'name' | 'family' | 'given';

/**
 * How a string value matches (FHIR R4 search.html#string): `word` (no modifier) from the start of
 * any word of the field, `contains` anywhere, `exact` the whole family or given name unfolded
 * (case- and accent-sensitive, composed or decomposed Unicode alike).
 */
export type StringMatch = 'word' | 'contains' | 'exact';

/** One FHIR string parameter: the values are alternatives (`family=a,b`); conditions are ANDed. */
export interface StringCondition {
  readonly field: StringField;
  readonly match: StringMatch;
  readonly values: readonly string[];
}

/** Extra conditions the FHIR passthrough adds to a search (beyond the registry's parameters). */
export interface SearchExtras {
  readonly strings?: readonly StringCondition[];
}

/** How a search reads: the table (search-lag mode reads the delayed copy) and the cursor codec. */
export interface SearchSource {
  readonly table: SearchTable;
  readonly cursors: CursorCodec;
}

/**
 * One page of a tenant's records matching the registry's search parameters. Unknown parameters are
 * ignored; malformed values of known ones answer 422. `cursor` continues after the row the previous
 * page ended with (keyset); a cursor that fails its check restarts from the first page.
 */
export async function searchRows(
  q: Queryable,
  scope: TenantScope,
  adapter: ResourceAdapter,
  query: URLSearchParams,
  source: SearchSource,
  extras: SearchExtras = {},
): Promise<ListPage<ResourceRow>> {
  const { filters, order, nameOnly } = parseSearch(scope, adapter, query, extras);
  const count = parseCount(query.get('count'));
  // The cursor only continues this search: same tenant, type, filters and order.
  const binding = `${order}\n${createHash('sha256').update(JSON.stringify(filters)).digest('hex')}`;
  const after = source.cursors.decode(binding, query.get('cursor'));
  // One row more than the page tells whether there is a next page.
  const page = pageQuery(source.table, filters, order, after, count + 1);
  const fetched = await q.query<PageRow>(page.sql, page.params);
  const hasMore = fetched.length > count;
  const rows = hasMore ? fetched.slice(0, count) : fetched;
  // A whole first page is the whole result; otherwise count separately (cheaper than a window
  // function, which would carry every matching resource through the sort).
  let total = rows.length;
  if (after || hasMore) {
    // A one-word name fragment alone is counted from the word index (name-words.ts), which
    // follows `resources` only: search-lag mode counts its delayed copy directly.
    const counted =
      nameOnly !== undefined && source.table === 'resources'
        ? await q.query<{ total: number | string }>(COUNT_BY_NAME_WORDS_SQL, [
            scope.tenant,
            scope.environment,
            adapter.definition.fhirType,
            nameOnly,
          ])
        : await q.query<{ total: number | string }>(
            `SELECT count(*) AS total FROM ${source.table} WHERE ${filters.where}`,
            [...filters.params],
          );
    total = Number(counted[0]?.total ?? 0);
  }
  const last = rows.at(-1);
  return {
    data: rows.map(({ main_date: _date, ...row }) => row),
    total,
    cursor: hasMore && last ? source.cursors.encode(binding, positionOf(order, last)) : null,
    hasMore,
  };
}

/**
 * The WHERE conditions (tenant first) and the order of a search; 422 on malformed values.
 * `nameOnly`: the LIKE pattern, when the only condition besides the scope is a `name` fragment
 * without a space (the word index can count those exactly).
 */
function parseSearch(
  scope: TenantScope,
  adapter: ResourceAdapter,
  query: URLSearchParams,
  extras: SearchExtras,
): { filters: Filters; order: SortOrder; nameOnly?: string } {
  const sql = new SqlBuilder();
  sql.where.push(`tenant = ${sql.add(scope.tenant)}`);
  sql.where.push(`environment = ${sql.add(scope.environment)}`);
  sql.where.push(`resource_type = ${sql.add(adapter.definition.fhirType)}`);
  const allowed = new Set(adapter.definition.searchParams);
  const containment: Record<string, string[]> = {};
  let order: SortOrder = 'created';
  let namePattern: string | undefined;

  for (const name of allowed) {
    const raw = query.get(name);
    if (raw === null || raw === '') continue;
    switch (name) {
      case 'name': {
        // Partial, anywhere in the name, folded like the stored text. Only spaces: ignored like
        // an empty value; only punctuation ("%", "-"): matches nothing (no wildcard).
        if (raw.trim() === '') break;
        const folded = foldSearchText(raw);
        if (!folded) {
          sql.where.push('false');
          break;
        }
        const pattern = `%${escapeLike(folded)}%`;
        sql.where.push(`name_text LIKE ${sql.add(pattern)}`);
        if (!folded.includes(' ')) namePattern = pattern;
        break;
      }
      case 'patientId':
        if (!isValidId(raw)) {
          throw validationError([issue('value', 'patientId must be a valid id')]);
        }
        sql.where.push(`patient_id = ${sql.add(raw)}`);
        break;
      case 'status':
        sql.where.push(`status = ${sql.add(raw)}`);
        break;
      case 'dateFrom':
        sql.where.push(`main_date >= ${sql.add(parseInstant('dateFrom', raw, false))}`);
        break;
      case 'dateTo':
        sql.where.push(`main_date <= ${sql.add(parseInstant('dateTo', raw, true))}`);
        break;
      case 'sort':
        if (raw === 'date' || raw === '-date') order = raw;
        else throw validationError([issue('code-invalid', 'sort must be one of date, -date')]);
        break;
      default:
        if (COLUMN_PARAMS.has(name)) break;
        if (name === 'active' && raw !== 'true' && raw !== 'false') {
          throw validationError([issue('code-invalid', 'active must be one of true, false')]);
        }
        containment[name] = [normalizeValue(name, raw)];
    }
  }
  for (const condition of extras.strings ?? []) {
    const alternatives = condition.values
      .map((value) => stringCondition(sql, condition.field, condition.match, value))
      .filter((text): text is string => text !== undefined);
    if (alternatives.length === 1) sql.where.push(alternatives[0] as string);
    else if (alternatives.length > 1) sql.where.push(`(${alternatives.join(' OR ')})`);
  }
  if (Object.keys(containment).length > 0) {
    sql.where.push(`search @> ${sql.add(JSON.stringify(containment))}::jsonb`);
  }
  const filters = { where: sql.where.join(' AND '), params: sql.params };
  // Tenant, environment and type are the first three conditions; the name is then the only other.
  const nameOnly = namePattern !== undefined && sql.where.length === 4 ? namePattern : undefined;
  return nameOnly === undefined ? { filters, order } : { filters, order, nameOnly };
}

/**
 * SQL for one string value. Every form first requires the folded value somewhere in `name_text`
 * (which holds every family and given word, see search-text.ts), so the trigram index finds the
 * candidates; the field and word-start checks then run on those rows only.
 */
function stringCondition(
  sql: SqlBuilder,
  field: StringField,
  match: StringMatch,
  raw: string,
): string | undefined {
  if (raw.trim() === '') return undefined;
  const folded = foldSearchText(raw);
  if (!folded) return 'false';
  const anywhere = `name_text LIKE ${sql.add(`%${escapeLike(folded)}%`)}`;
  if (match === 'exact') {
    const forms = [...new Set([raw.trim().normalize('NFC'), raw.trim().normalize('NFD')])];
    const exact = forms.flatMap((value) => {
      const names: object[] = [];
      if (field !== 'given') names.push([{ family: value }]);
      if (field !== 'family') names.push([{ given: [value] }]);
      if (field === 'name') names.push([{ text: value }]);
      const checks = names.map((n) => `resource->'name' @> ${sql.add(JSON.stringify(n))}::jsonb`);
      if (field === 'name') checks.push(`resource->>'name' = ${sql.add(value)}`);
      return checks;
    });
    return `(${anywhere} AND (${exact.join(' OR ')}))`;
  }
  const column = field === 'name' ? `(' ' || name_text)` : `${field}_text`;
  const pattern = match === 'word' ? `% ${escapeLike(folded)}%` : `%${escapeLike(folded)}%`;
  if (field === 'name' && match === 'contains') return anywhere;
  return `(${anywhere} AND ${column} LIKE ${sql.add(pattern)})`;
}

/** Phones compare by digits; everything else case-insensitively. */
export function normalizeValue(name: string, raw: string): string {
  if (name === 'phone') return raw.replace(/\D/g, '');
  return raw.toLowerCase();
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
