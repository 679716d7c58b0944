import type { ResourcePath } from '@clinikapi/core';

type Row = Record<string, unknown> & { id: string };

/** Parameters that shape a page rather than filter it. */
const PAGING = new Set(['count', 'cursor', 'sort']);

/**
 * The date field a resource is sorted and filtered by (`sort=date`, `dateFrom`, `dateTo`), where
 * the client can tell; contract: "all others `patientId`, `status`, `dateFrom`, `dateTo`, `sort`".
 */
const MAIN_DATE: Partial<Record<ResourcePath, string>> = {
  appointments: 'start',
  slots: 'start',
  encounters: 'start',
  observations: 'effectiveDateTime',
  immunizations: 'occurrenceDateTime',
  prescriptions: 'authoredOn',
  allergies: 'recordedDate',
};

/** Case- and accent-insensitive text, as the contract's "Decision (search text)" compares names. */
const fold = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const digits = (text: string) => text.replace(/\D/g, '');
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Epoch ms of a row's main date, `undefined` when the resource has none the client knows. */
export function mainDateOf(path: ResourcePath, row: Row): number | undefined {
  const field = MAIN_DATE[path];
  const value = field ? row[field] : undefined;
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

function matchesParam(
  path: ResourcePath,
  row: Row,
  name: string,
  raw: string,
): boolean | undefined {
  const value = row[name];
  switch (name) {
    case 'name': {
      const full = typeof row.fullName === 'string' ? row.fullName : '';
      return fold(full).includes(fold(raw));
    }
    case 'patientId':
    case 'practitionerId':
    case 'status':
    case 'gender':
    case 'birthDate':
      return value === raw;
    case 'email':
    case 'specialty':
    case 'npi':
      return typeof value === 'string' && value.toLowerCase() === raw.toLowerCase();
    case 'phone':
      return typeof value === 'string' && digits(value) === digits(raw);
    case 'active':
      return String(row.active ?? true) === raw;
    case 'dateFrom':
    case 'dateTo': {
      const time = mainDateOf(path, row);
      const bound = Date.parse(raw);
      if (time === undefined || Number.isNaN(bound)) return undefined;
      if (name === 'dateFrom') return time >= bound;
      return time <= (DATE_ONLY.test(raw) ? bound + DAY_MS - 1 : bound);
    }
    default:
      return undefined;
  }
}

/**
 * Whether a record belongs in a search with these parameters, as the data API filters: `true`,
 * `false`, or `undefined` when the client cannot tell (a parameter it does not model, e.g. a
 * slot's practitioner, which the API derives from its schedule).
 */
export function matchesSearch(
  path: ResourcePath,
  row: Row,
  params: Record<string, unknown>,
): boolean | undefined {
  let known = true;
  for (const [name, value] of Object.entries(params)) {
    if (PAGING.has(name) || value === undefined || value === null || value === '') continue;
    if (path === 'slots' && name === 'practitionerId') return undefined;
    const result = matchesParam(path, row, name, String(value));
    if (result === false) return false;
    if (result === undefined) known = false;
  }
  return known ? true : undefined;
}

/**
 * Orders rows as the API does: newest first by default (`createdAt`, then id), or by the main
 * date with `sort=date` / `sort=-date` (rows without one last). `undefined` when the client does
 * not know the resource's main date.
 */
export function searchOrder(
  path: ResourcePath,
  params: Record<string, unknown>,
): ((a: Row, b: Row) => number) | undefined {
  const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const sort = params.sort;
  if (sort === 'date' || sort === '-date') {
    if (!MAIN_DATE[path]) return undefined;
    const direction = sort === 'date' ? 1 : -1;
    return (a, b) => {
      const x = mainDateOf(path, a);
      const y = mainDateOf(path, b);
      if (x === undefined || y === undefined) {
        if (x === y) return direction * byId(a, b);
        return x === undefined ? 1 : -1;
      }
      return x === y ? direction * byId(a, b) : direction * (x - y);
    };
  }
  return (a, b) => {
    const x = Date.parse(String(a.createdAt));
    const y = Date.parse(String(b.createdAt));
    return x === y ? -byId(a, b) : y - x;
  };
}
