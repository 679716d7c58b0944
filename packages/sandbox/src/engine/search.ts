import type { ListPage } from '@clinikapi/core';
import { isValidId } from '@clinikapi/core';
import type { Queryable } from '../db/database.js';
import { issue, validationError } from '../http/http-error.js';
import type { ResourceAdapter } from './adapter.js';
import { decodeCursor, encodeCursor, parseCount } from './cursor.js';
import { type ResourceRow, ROW_COLUMNS } from './rows.js';
import type { TenantScope } from './write-context.js';

const DATE_OR_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Parameters with their own column; everything else in the registry matches the `search` JSON. */
const COLUMN_PARAMS = new Set(['name', 'patientId', 'status', 'dateFrom', 'dateTo', 'sort']);

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

/**
 * One page of a tenant's records matching the registry's search parameters. Unknown parameters are
 * ignored; malformed values of known ones answer 422.
 */
export async function searchRows(
  q: Queryable,
  scope: TenantScope,
  adapter: ResourceAdapter,
  query: URLSearchParams,
): Promise<ListPage<ResourceRow>> {
  const sql = new SqlBuilder();
  sql.where.push(`tenant = ${sql.add(scope.tenant)}`);
  sql.where.push(`environment = ${sql.add(scope.environment)}`);
  sql.where.push(`resource_type = ${sql.add(adapter.definition.fhirType)}`);
  const allowed = new Set(adapter.definition.searchParams);
  const containment: Record<string, string[]> = {};
  let order = 'created_at DESC, id DESC';

  for (const name of allowed) {
    const raw = query.get(name);
    if (raw === null || raw === '') continue;
    switch (name) {
      case 'name':
        sql.where.push(`name_text LIKE ${sql.add(`%${escapeLike(raw.toLowerCase())}%`)}`);
        break;
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
        if (raw === 'date') order = 'main_date ASC NULLS LAST, id ASC';
        else if (raw === '-date') order = 'main_date DESC NULLS LAST, id DESC';
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
  if (Object.keys(containment).length > 0) {
    sql.where.push(`search @> ${sql.add(JSON.stringify(containment))}::jsonb`);
  }

  const count = parseCount(query.get('count'));
  const offset = decodeCursor(query.get('cursor'));
  const where = sql.where.join(' AND ');
  const rows = await q.query<ResourceRow>(
    `SELECT ${ROW_COLUMNS} FROM resources WHERE ${where}
     ORDER BY ${order} LIMIT ${sql.add(count)} OFFSET ${sql.add(offset)}`,
    sql.params,
  );
  // A short first page is the whole result; otherwise count separately (cheaper than a window
  // function, which would carry every matching resource through the sort).
  let total = rows.length;
  if (offset > 0 || rows.length === count) {
    const counted = await q.query<{ total: number | string }>(
      `SELECT count(*) AS total FROM resources WHERE ${where}`,
      sql.params.slice(0, -2),
    );
    total = Number(counted[0]?.total ?? 0);
  }
  const hasMore = offset + rows.length < total;
  return {
    data: rows,
    total,
    cursor: hasMore ? encodeCursor(offset + rows.length) : null,
    hasMore,
  };
}

/** Phones compare by digits; everything else case-insensitively. */
export function normalizeValue(name: string, raw: string): string {
  if (name === 'phone') return raw.replace(/\D/g, '');
  return raw.toLowerCase();
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);
