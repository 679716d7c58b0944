import { isValidId, type ListPage, validate } from '@clinikapi/core';
import type { AutoAnalyze } from '../db/auto-analyze.js';
import type { Database, Queryable } from '../db/database.js';
import type { ChangeAction, ChangeEvents } from '../events.js';
import { notFound, validationError } from '../http/http-error.js';
import type { ResourceAdapter, Simplified } from './adapter.js';
import type { AdapterRegistry } from './adapters/index.js';
import type { FhirResource } from './fhir-types.js';
import { isoOf, newId, type ResourceRow, selectRow, storeRow } from './rows.js';
import { searchRows } from './search.js';
import type { TenantScope, WriteContext } from './write-context.js';

/** A record as the API returns it: `id`, the simplified fields, then `createdAt` and `updatedAt`. */
export type ApiRecord = { id: string; createdAt: string; updatedAt: string } & Simplified;

interface PendingEvent {
  adapter: ResourceAdapter;
  id: string;
  action: ChangeAction;
}

/**
 * The generic resource engine: CRUD and search for every registry path, stored as FHIR with the
 * tenant tag, and change events after each commit. Nothing here is specific to one resource.
 */
export class ResourceEngine {
  constructor(
    private readonly db: Database,
    readonly adapters: AdapterRegistry,
    private readonly events: ChangeEvents,
    private readonly statistics?: AutoAnalyze,
  ) {}

  /** The API shape of a stored row. */
  present(adapter: ResourceAdapter, row: ResourceRow): ApiRecord {
    const record = adapter.fromFhir(row.resource);
    return {
      id: row.id,
      ...record,
      ...(adapter.present?.(record) ?? {}),
      createdAt: isoOf(row.created_at),
      updatedAt: isoOf(row.last_updated),
    };
  }

  async create(scope: TenantScope, adapter: ResourceAdapter, body: unknown): Promise<ApiRecord> {
    const record = parse(adapter.schemas.create, body);
    const id = newId();
    const row = await this.write(scope, async (ctx, tx, pending) => {
      await adapter.beforeWrite?.(ctx, { id, next: record });
      const stored = await storeRow(tx, ctx, adapter, {
        id,
        record,
        fhir: adapter.toFhir(record, id),
      });
      pending.push({ adapter, id, action: 'created' });
      return stored;
    });
    return this.present(adapter, row);
  }

  /**
   * Creates many records in transactions of `chunkSize` (seeding, benchmarks). All bodies are
   * validated first, so an invalid one stores nothing. Resolves the new ids in input order.
   */
  async createMany(
    scope: TenantScope,
    adapter: ResourceAdapter,
    bodies: readonly unknown[],
    chunkSize = 500,
  ): Promise<string[]> {
    const records = bodies.map((body) => parse(adapter.schemas.create, body));
    const ids: string[] = [];
    for (let start = 0; start < records.length; start += chunkSize) {
      const chunk = records.slice(start, start + chunkSize);
      await this.write(scope, async (ctx, tx, pending) => {
        for (const record of chunk) {
          const id = newId();
          await adapter.beforeWrite?.(ctx, { id, next: record });
          await storeRow(tx, ctx, adapter, { id, record, fhir: adapter.toFhir(record, id) });
          pending.push({ adapter, id, action: 'created' });
          ids.push(id);
        }
      });
    }
    return ids;
  }

  async read(scope: TenantScope, adapter: ResourceAdapter, id: string): Promise<ApiRecord> {
    return this.present(adapter, await this.requireRow(this.db, scope, adapter, id));
  }

  /** Partial update: the body is a subset of the create shape; the merged record must be valid. */
  async update(
    scope: TenantScope,
    adapter: ResourceAdapter,
    id: string,
    body: unknown,
  ): Promise<ApiRecord> {
    const patch = parse(adapter.schemas.patch, body);
    const row = await this.write(scope, async (ctx, tx, pending) => {
      const current = await this.requireRow(tx, scope, adapter, id, true);
      const previous = adapter.fromFhir(current.resource);
      const next = parse(adapter.schemas.create, { ...previous, ...patch });
      await adapter.beforeWrite?.(ctx, { id, previous, next });
      const stored = await storeRow(tx, ctx, adapter, {
        id,
        record: next,
        fhir: adapter.toFhir(next, id),
        previous: { versionId: current.version_id, createdAt: isoOf(current.created_at) },
      });
      pending.push({ adapter, id, action: 'updated' });
      return stored;
    });
    return this.present(adapter, row);
  }

  async remove(scope: TenantScope, adapter: ResourceAdapter, id: string): Promise<void> {
    await this.write(scope, async (ctx, tx, pending) => {
      const current = await this.requireRow(tx, scope, adapter, id, true);
      await adapter.beforeWrite?.(ctx, { id, previous: adapter.fromFhir(current.resource) });
      await deleteRow(tx, scope, adapter, id);
      pending.push({ adapter, id, action: 'deleted' });
    });
  }

  async search(
    scope: TenantScope,
    adapter: ResourceAdapter,
    query: URLSearchParams,
  ): Promise<ListPage<ApiRecord>> {
    const page = await searchRows(this.db, scope, adapter, query);
    return { ...page, data: page.data.map((row) => this.present(adapter, row)) };
  }

  /** Raw FHIR search page (the passthrough's Bundle is built from it). */
  searchRaw(scope: TenantScope, adapter: ResourceAdapter, query: URLSearchParams) {
    return searchRows(this.db, scope, adapter, query);
  }

  async readRow(scope: TenantScope, adapter: ResourceAdapter, id: string): Promise<ResourceRow> {
    return this.requireRow(this.db, scope, adapter, id);
  }

  /**
   * Stores raw FHIR (the passthrough): creates when `id` is new, else replaces. The simplified view
   * is derived from it so searches and hooks (slot booking) behave as for simplified writes.
   */
  async writeFhir(
    scope: TenantScope,
    adapter: ResourceAdapter,
    id: string,
    fhir: FhirResource,
  ): Promise<{ row: ResourceRow; created: boolean }> {
    return this.write(scope, async (ctx, tx, pending) => {
      const current = await selectRow(tx, scope, adapter.definition.fhirType, id, true);
      const previous = current ? adapter.fromFhir(current.resource) : undefined;
      const next = adapter.fromFhir(fhir);
      await adapter.beforeWrite?.(ctx, { id, next, ...(previous ? { previous } : {}) });
      const row = await storeRow(tx, ctx, adapter, {
        id,
        record: next,
        fhir,
        ...(current
          ? { previous: { versionId: current.version_id, createdAt: isoOf(current.created_at) } }
          : {}),
      });
      pending.push({ adapter, id, action: current ? 'updated' : 'created' });
      return { row, created: !current };
    });
  }

  /** Runs `work` in a transaction with a write context; emits change events only after commit. */
  private async write<T>(
    scope: TenantScope,
    work: (ctx: WriteContext, tx: Queryable, pending: PendingEvent[]) => Promise<T>,
  ): Promise<T> {
    const pending: PendingEvent[] = [];
    const result = await this.db.transaction(async (tx) => {
      const ctx = this.writeContext(scope, tx, pending);
      return work(ctx, tx, pending);
    });
    this.statistics?.noteWrites(pending.length);
    for (const event of pending) {
      this.events.emit({
        resource: event.adapter.definition.path,
        event: event.adapter.definition.event,
        id: event.id,
        action: event.action,
        tenant: scope.tenant,
        environment: scope.environment,
      });
    }
    return result;
  }

  private writeContext(scope: TenantScope, tx: Queryable, pending: PendingEvent[]): WriteContext {
    const ctx: WriteContext = {
      tx,
      scope,
      readRecord: async (path, id) => {
        const adapter = this.adapters.require(path);
        const row = await selectRow(tx, scope, adapter.definition.fhirType, id);
        return row ? adapter.fromFhir(row.resource) : undefined;
      },
      lockRecord: async (path, id) => {
        const adapter = this.adapters.require(path);
        const row = await selectRow(tx, scope, adapter.definition.fhirType, id, true);
        return row ? adapter.fromFhir(row.resource) : undefined;
      },
      replaceRecord: async (path, id, record) => {
        const adapter = this.adapters.require(path);
        const current = await selectRow(tx, scope, adapter.definition.fhirType, id, true);
        if (!current) throw notFound();
        await storeRow(tx, ctx, adapter, {
          id,
          record,
          fhir: adapter.toFhir(record, id),
          previous: { versionId: current.version_id, createdAt: isoOf(current.created_at) },
        });
        pending.push({ adapter, id, action: 'updated' });
      },
    };
    return ctx;
  }

  private async requireRow(
    q: Queryable,
    scope: TenantScope,
    adapter: ResourceAdapter,
    id: string,
    lock = false,
  ): Promise<ResourceRow> {
    // Another tenant's id, a malformed id and a missing id all look the same: 404.
    const row = isValidId(id)
      ? await selectRow(q, scope, adapter.definition.fhirType, id, lock)
      : undefined;
    if (!row) throw notFound();
    return row;
  }
}

export async function deleteRow(
  tx: Queryable,
  scope: TenantScope,
  adapter: ResourceAdapter,
  id: string,
): Promise<void> {
  await tx.query(
    'DELETE FROM resources WHERE tenant = $1 AND environment = $2 AND resource_type = $3 AND id = $4',
    [scope.tenant, scope.environment, adapter.definition.fhirType, id],
  );
}

function parse(schema: ResourceAdapter['schemas']['create'], body: unknown): Simplified {
  const result = validate(schema, body);
  if (!result.success) throw validationError(result.issues);
  return result.data as Simplified;
}
