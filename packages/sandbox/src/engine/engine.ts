import { isValidId, type ListPage, validate } from '@clinikapi/core';
import type { AutoAnalyze } from '../db/auto-analyze.js';
import type { Database, Queryable } from '../db/database.js';
import type { ChangeAction, ChangeEvents } from '../events.js';
import { notFound, validationError } from '../http/http-error.js';
import type { ResourceAdapter, Simplified } from './adapter.js';
import type { AdapterRegistry } from './adapters/index.js';
import type { CursorCodec } from './cursor.js';
import type { FhirResource } from './fhir-types.js';
import { assertPrecondition, type VersionPrecondition } from './precondition.js';
import {
  isoOf,
  newId,
  previousOf,
  type ResourceRow,
  type StoredRow,
  selectRow,
  storeRow,
} from './rows.js';
import { type SearchExtras, type SearchSource, searchRows } from './search.js';
import type { SearchLag } from './search-lag.js';
import type { TenantScope, WriteContext } from './write-context.js';

/** A record as the API returns it: `id`, the simplified fields, then `createdAt` and `updatedAt`. */
export type ApiRecord = { id: string; createdAt: string; updatedAt: string } & Simplified;

/** A record with the version its `ETag` names (`W/"<version>"`). */
export interface VersionedRecord {
  record: ApiRecord;
  version: number;
}

export interface EngineOptions {
  /** Signs and checks page cursors. */
  cursors: CursorCodec;
  /** Keeps planner statistics fresh as rows are written. */
  statistics?: AutoAnalyze;
  /** Search-lag mode: searches read the delayed copy this maintains. Defaults to off. */
  searchLag?: SearchLag;
}

interface PendingEvent {
  adapter: ResourceAdapter;
  id: string;
  action: ChangeAction;
  /** The stored column values (search-lag copy); absent for a delete. */
  values?: readonly unknown[];
}

/**
 * The generic resource engine: CRUD and search for every registry path, stored as FHIR with the
 * tenant tag, and change events after each commit. Nothing here is specific to one resource.
 */
export class ResourceEngine {
  readonly #search: SearchSource;

  constructor(
    private readonly db: Database,
    readonly adapters: AdapterRegistry,
    private readonly events: ChangeEvents,
    private readonly options: EngineOptions,
  ) {
    this.#search = {
      table: options.searchLag ? 'lagged_resources' : 'resources',
      cursors: options.cursors,
    };
  }

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

  #versioned(adapter: ResourceAdapter, row: ResourceRow): VersionedRecord {
    return { record: this.present(adapter, row), version: row.version_id };
  }

  async create(
    scope: TenantScope,
    adapter: ResourceAdapter,
    body: unknown,
  ): Promise<VersionedRecord> {
    const record = withDefaults(adapter, parse(adapter.schemas.create, body));
    const id = newId();
    const row = await this.write(scope, async (ctx, tx, pending) => {
      await adapter.beforeWrite?.(ctx, { id, next: record });
      const stored = await storeRow(tx, ctx, adapter, {
        id,
        record,
        fhir: adapter.toFhir(record, id),
      });
      pending.push(storedEvent(adapter, 'created', stored));
      return stored.row;
    });
    return this.#versioned(adapter, row);
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
    const records = bodies.map((body) =>
      withDefaults(adapter, parse(adapter.schemas.create, body)),
    );
    const ids: string[] = [];
    for (let start = 0; start < records.length; start += chunkSize) {
      const chunk = records.slice(start, start + chunkSize);
      await this.write(scope, async (ctx, tx, pending) => {
        for (const record of chunk) {
          const id = newId();
          await adapter.beforeWrite?.(ctx, { id, next: record });
          const stored = await storeRow(tx, ctx, adapter, {
            id,
            record,
            fhir: adapter.toFhir(record, id),
          });
          pending.push(storedEvent(adapter, 'created', stored));
          ids.push(id);
        }
      });
    }
    return ids;
  }

  async read(scope: TenantScope, adapter: ResourceAdapter, id: string): Promise<VersionedRecord> {
    return this.#versioned(adapter, await this.requireRow(this.db, scope, adapter, id));
  }

  /**
   * Partial update: the body is a subset of the create shape; the merged record must be valid.
   * With `precondition` (`If-Match`), 412 unless the locked row still has a listed version; a
   * missing record is 404 first.
   */
  async update(
    scope: TenantScope,
    adapter: ResourceAdapter,
    id: string,
    body: unknown,
    precondition?: VersionPrecondition,
  ): Promise<VersionedRecord> {
    const patch = parse(adapter.schemas.patch, body);
    const row = await this.write(scope, async (ctx, tx, pending) => {
      const current = await this.requireRow(tx, scope, adapter, id, true);
      assertPrecondition(precondition, current.version_id);
      const previous = adapter.fromFhir(current.resource);
      const next = withDefaults(adapter, parse(adapter.schemas.create, { ...previous, ...patch }));
      await adapter.beforeWrite?.(ctx, { id, previous, next });
      const stored = await storeRow(tx, ctx, adapter, {
        id,
        record: next,
        fhir: adapter.toFhir(next, id),
        previous: previousOf(current),
      });
      pending.push(storedEvent(adapter, 'updated', stored));
      return stored.row;
    });
    return this.#versioned(adapter, row);
  }

  /** Deletes a record: 404 when missing, then 412 when `precondition` does not admit its version. */
  async remove(
    scope: TenantScope,
    adapter: ResourceAdapter,
    id: string,
    precondition?: VersionPrecondition,
  ): Promise<void> {
    await this.write(scope, async (ctx, tx, pending) => {
      const current = await this.requireRow(tx, scope, adapter, id, true);
      assertPrecondition(precondition, current.version_id);
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
    const page = await searchRows(this.db, scope, adapter, query, this.#search);
    return { ...page, data: page.data.map((row) => this.present(adapter, row)) };
  }

  /** Raw FHIR search page (the passthrough's Bundle is built from it), with FHIR string conditions. */
  searchRaw(
    scope: TenantScope,
    adapter: ResourceAdapter,
    query: URLSearchParams,
    extras?: SearchExtras,
  ) {
    return searchRows(this.db, scope, adapter, query, this.#search, extras);
  }

  async readRow(scope: TenantScope, adapter: ResourceAdapter, id: string): Promise<ResourceRow> {
    return this.requireRow(this.db, scope, adapter, id);
  }

  /**
   * Stores raw FHIR (the passthrough): creates when `id` is new, else replaces. `build` gets the
   * current row (locked; `undefined` when new) after `precondition` has admitted it, so a JSON
   * Patch applies to the version it was checked against. The simplified view is derived from the
   * result so searches and hooks (slot booking) behave as for simplified writes.
   */
  async writeFhir(
    scope: TenantScope,
    adapter: ResourceAdapter,
    id: string,
    build: (current: ResourceRow | undefined) => FhirResource,
    precondition?: VersionPrecondition,
  ): Promise<{ row: ResourceRow; created: boolean }> {
    return this.write(scope, async (ctx, tx, pending) => {
      const current = await selectRow(tx, scope, adapter.definition.fhirType, id, true);
      assertPrecondition(precondition, current?.version_id);
      const fhir = build(current);
      const previous = current ? adapter.fromFhir(current.resource) : undefined;
      const next = adapter.fromFhir(fhir);
      await adapter.beforeWrite?.(ctx, { id, next, ...(previous ? { previous } : {}) });
      const stored = await storeRow(tx, ctx, adapter, {
        id,
        record: next,
        fhir,
        ...(current ? { previous: previousOf(current) } : {}),
      });
      pending.push(storedEvent(adapter, current ? 'updated' : 'created', stored));
      return { row: stored.row, created: !current };
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
    this.options.statistics?.noteWrites(pending.length);
    this.options.searchLag?.record(
      pending.map((event) => ({
        key: [scope.tenant, scope.environment, event.adapter.definition.fhirType, event.id],
        ...(event.values ? { values: event.values } : {}),
      })),
    );
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
        const stored = await storeRow(tx, ctx, adapter, {
          id,
          record,
          fhir: adapter.toFhir(record, id),
          previous: previousOf(current),
        });
        pending.push(storedEvent(adapter, 'updated', stored));
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

function storedEvent(
  adapter: ResourceAdapter,
  action: ChangeAction,
  stored: StoredRow,
): PendingEvent {
  return { adapter, id: stored.row.id, action, values: stored.values };
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

/** The record with the adapter's server defaults under it (what the client sent wins). */
const withDefaults = (adapter: ResourceAdapter, record: Simplified): Simplified =>
  adapter.defaults ? adapter.defaults(record) : record;

function parse(schema: ResourceAdapter['schemas']['create'], body: unknown): Simplified {
  const result = validate(schema, body);
  if (!result.success) throw validationError(result.issues);
  return result.data as Simplified;
}
