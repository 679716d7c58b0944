import type { KeysetPosition } from './cursor.js';
import { isoOf, type ResourceRow, ROW_COLUMNS } from './rows.js';

/** The three result orders: newest first (default), `sort=date` and `sort=-date`. */
export type SortOrder = 'created' | 'date' | '-date';

/** The tables a search can read: `resources`, or its delayed copy in search-lag mode. */
export type SearchTable = 'resources' | 'lagged_resources';

/** A search's tenant, type and filter conditions (all parameterized). */
export interface Filters {
  readonly where: string;
  readonly params: readonly unknown[];
}

/** A page row with the sort key the next cursor needs. */
export type PageRow = ResourceRow & { main_date: Date | string | null };

/**
 * SQL for up to `limit` rows after `after` in `order`, reading `table`. Keyset conditions keep
 * every row's place when rows before or after the boundary are inserted or deleted, which an
 * offset does not. The date orders put rows without `main_date` last (NULLS LAST) in both
 * directions, so they are fetched as two index-ordered branches: rows with a date after the
 * boundary, then rows without one; a boundary inside the null group reads that group only.
 */
export function pageQuery(
  table: SearchTable,
  filters: Filters,
  order: SortOrder,
  after: KeysetPosition | undefined,
  limit: number,
): { sql: string; params: unknown[] } {
  const params = [...filters.params];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const columns = `${ROW_COLUMNS}, main_date`;
  const from = `SELECT ${columns} FROM ${table} WHERE ${filters.where}`;
  const max = add(limit);

  if (order === 'created') {
    // Both columns descend, so the row comparison is one range of resources_by_created.
    const keyset = after
      ? ` AND (created_at, id) < (${add(after.key)}::timestamptz, ${add(after.id)}::text)`
      : '';
    return { sql: `${from}${keyset} ORDER BY created_at DESC, id DESC LIMIT ${max}`, params };
  }

  const dir = order === 'date' ? 'ASC' : 'DESC';
  const cmp = order === 'date' ? '>' : '<';
  const nullBranch = (afterId?: string) =>
    `${from} AND main_date IS NULL${afterId === undefined ? '' : ` AND id ${cmp} ${add(afterId)}::text`}
     ORDER BY id ${dir} LIMIT ${max}`;
  if (after && after.key === null) return { sql: nullBranch(after.id), params };

  const keyset = after
    ? ` AND (main_date, id) ${cmp} (${add(after.key)}::timestamptz, ${add(after.id)}::text)`
    : '';
  const dated = `${from} AND main_date IS NOT NULL${keyset} ORDER BY main_date ${dir}, id ${dir} LIMIT ${max}`;
  return {
    sql: `SELECT ${columns} FROM ((${dated}) UNION ALL (${nullBranch()})) AS page
      ORDER BY main_date ${dir} NULLS LAST, id ${dir} LIMIT ${max}`,
    params,
  };
}

/** The position of a page's last row, for the next cursor. */
export function positionOf(order: SortOrder, row: PageRow): KeysetPosition {
  if (order === 'created') return { key: isoOf(row.created_at), id: row.id };
  return { key: row.main_date === null ? null : isoOf(row.main_date), id: row.id };
}
