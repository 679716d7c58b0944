import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { ResourceAdapter, SearchValues, Simplified } from './adapter.js';
import type { FhirResource } from './fhir-types.js';
import { nameColumnsOf } from './search-text.js';
import type { TenantScope, WriteContext } from './write-context.js';

export const TENANT_TAG_SYSTEM = 'https://clinikapi.com/tenant';
export const ENVIRONMENT_TAG_SYSTEM = 'https://clinikapi.com/environment';

/** The stored row the engine reads back. */
export interface ResourceRow {
  id: string;
  version_id: number;
  created_at: Date | string;
  last_updated: Date | string;
  resource: FhirResource;
}

export const ROW_COLUMNS = 'id, version_id, created_at, last_updated, resource';

export const newId = () => randomUUID();
export const isoOf = (value: Date | string) => new Date(value).toISOString();

/** Tenant and environment tags replace any the caller sent (a caller cannot write into another tenant). */
export function withMeta(
  resource: FhirResource,
  scope: TenantScope,
  id: string,
  versionId: number,
  lastUpdated: string,
): FhirResource {
  const otherTags = (resource.meta?.tag ?? []).filter(
    (tag) => tag.system !== TENANT_TAG_SYSTEM && tag.system !== ENVIRONMENT_TAG_SYSTEM,
  );
  const { meta: _meta, id: _id, resourceType, ...rest } = resource;
  return {
    resourceType,
    id,
    meta: {
      ...(resource.meta ?? {}),
      versionId: String(versionId),
      lastUpdated,
      tag: [
        ...otherTags,
        { system: TENANT_TAG_SYSTEM, code: scope.tenant },
        { system: ENVIRONMENT_TAG_SYSTEM, code: scope.environment },
      ],
    },
    ...rest,
  };
}

/** Normalizes a date or date-time to an instant (dates are midnight UTC). */
function instantOf(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function normalizeSearch(values: SearchValues): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const list = (typeof value === 'string' ? [value] : [...value]).map((v) => v.toLowerCase());
    if (list.length > 0) out[key] = list;
  }
  return out;
}

function statusOf(adapter: ResourceAdapter, record: Simplified): string | undefined {
  if (adapter.statusOf) return adapter.statusOf(record);
  return typeof record.status === 'string' ? record.status : undefined;
}

/** Every column of a stored row, in the order `StoredRow.values` holds them. */
export const STORED_COLUMNS = [
  'tenant',
  'environment',
  'resource_type',
  'id',
  'version_id',
  'created_at',
  'last_updated',
  'resource',
  'name_text',
  'family_text',
  'given_text',
  'patient_id',
  'status',
  'main_date',
  'search',
] as const;

/** `$1, $2, ...` for `STORED_COLUMNS`, with the JSONB casts. */
export const STORED_PLACEHOLDERS = STORED_COLUMNS.map((column, i) =>
  column === 'resource' || column === 'search' ? `$${i + 1}::jsonb` : `$${i + 1}`,
).join(', ');

/** A row as written: what the engine returns, plus every column value (the search-lag copy). */
export interface StoredRow {
  row: ResourceRow;
  /** Values of `STORED_COLUMNS`; instants as ISO strings with milliseconds, JSON as text. */
  values: readonly unknown[];
}

/** The version a write replaces (from the row locked in the same transaction). */
export interface PreviousVersion {
  versionId: number;
  createdAt: string;
  lastUpdated: string;
}

export const previousOf = (row: ResourceRow): PreviousVersion => ({
  versionId: row.version_id,
  createdAt: isoOf(row.created_at),
  lastUpdated: isoOf(row.last_updated),
});

/**
 * `lastUpdated` of a write: now, but always at least 1 ms after the version it replaces (two
 * writes in one millisecond, or a clock step back), so clients without ETags can compare it.
 */
export function nextLastUpdated(previous: PreviousVersion | undefined, now = Date.now()): string {
  const floor = previous ? Date.parse(previous.lastUpdated) + 1 : Number.NEGATIVE_INFINITY;
  return new Date(Math.max(now, floor)).toISOString();
}

/** Inserts or replaces a row with its search columns derived from the simplified record. */
export async function storeRow(
  tx: Queryable,
  ctx: WriteContext,
  adapter: ResourceAdapter,
  input: {
    id: string;
    record: Simplified;
    fhir: FhirResource;
    previous?: PreviousVersion;
  },
): Promise<StoredRow> {
  const now = nextLastUpdated(input.previous);
  const versionId = (input.previous?.versionId ?? 0) + 1;
  const createdAt = input.previous?.createdAt ?? now;
  const resource = withMeta(input.fhir, ctx.scope, input.id, versionId, now);
  const record = input.record;
  const search = normalizeSearch((await adapter.searchValues?.(record, ctx)) ?? {});
  // Name text folded by one policy for stored and searched text (search-text.ts).
  const names = nameColumnsOf(adapter.nameText?.(record), resource);
  // Instants are stored with millisecond precision, so keyset cursors (which carry them as ISO
  // strings) compare exactly.
  const values = [
    ctx.scope.tenant,
    ctx.scope.environment,
    adapter.definition.fhirType,
    input.id,
    versionId,
    createdAt,
    now,
    JSON.stringify(resource),
    names.name,
    names.family,
    names.given,
    typeof record.patientId === 'string' ? record.patientId : null,
    statusOf(adapter, record) ?? null,
    instantOf(adapter.mainDate?.(record)),
    JSON.stringify(search),
  ];
  const rows = await tx.query<ResourceRow>(
    `INSERT INTO resources (${STORED_COLUMNS.join(', ')})
     VALUES (${STORED_PLACEHOLDERS})
     ON CONFLICT (tenant, environment, resource_type, id) DO UPDATE SET
       version_id = EXCLUDED.version_id, last_updated = EXCLUDED.last_updated,
       resource = EXCLUDED.resource, name_text = EXCLUDED.name_text,
       family_text = EXCLUDED.family_text, given_text = EXCLUDED.given_text, patient_id = EXCLUDED.patient_id,
       status = EXCLUDED.status, main_date = EXCLUDED.main_date, search = EXCLUDED.search
     RETURNING ${ROW_COLUMNS}`,
    values,
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return { row, values };
}

export async function selectRow(
  q: Queryable,
  scope: TenantScope,
  fhirType: string,
  id: string,
  lock = false,
): Promise<ResourceRow | undefined> {
  const rows = await q.query<ResourceRow>(
    `SELECT ${ROW_COLUMNS} FROM resources
     WHERE tenant = $1 AND environment = $2 AND resource_type = $3 AND id = $4${lock ? ' FOR UPDATE' : ''}`,
    [scope.tenant, scope.environment, fhirType, id],
  );
  return rows[0];
}
