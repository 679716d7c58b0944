import type { Environment } from '../auth/keys.js';
import type { Queryable } from '../db/database.js';
import type { Simplified } from './adapter.js';

/** Whose data a request reads and writes: one organization's test or live datastore. */
export interface TenantScope {
  readonly tenant: string;
  readonly environment: Environment;
}

/** What an adapter hook may do inside the write transaction. */
export interface WriteContext {
  readonly tx: Queryable;
  readonly scope: TenantScope;
  /** Reads a record of this tenant without locking it; `undefined` when absent. */
  readRecord(path: string, id: string): Promise<Simplified | undefined>;
  /** Reads a record of this tenant, locked until the transaction ends; `undefined` when absent. */
  lockRecord(path: string, id: string): Promise<Simplified | undefined>;
  /** Stores a new version of a record of this tenant (its change event is emitted after commit). */
  replaceRecord(path: string, id: string, record: Simplified): Promise<void>;
}
