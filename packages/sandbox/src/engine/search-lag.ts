import type { Database, Queryable } from '../db/database.js';
import { LAGGED_TABLE } from '../db/migrations.js';
import { STORED_COLUMNS, STORED_PLACEHOLDERS } from './rows.js';

/** A committed write as search will see it later: the row's values, or none for a delete. */
export interface RowChange {
  /** Tenant, environment, resource type and id. */
  readonly key: readonly [string, string, string, string];
  /** Values of `STORED_COLUMNS` as written; absent when the row was deleted. */
  readonly values?: readonly unknown[];
}

const KEY_MATCH = 'tenant = $1 AND environment = $2 AND resource_type = $3 AND id = $4';
const NON_KEY = STORED_COLUMNS.filter(
  (c) => c !== 'tenant' && c !== 'environment' && c !== 'resource_type' && c !== 'id',
);
/** A failed copy (e.g. the database briefly unreachable) is retried after this long. */
const RETRY_MS = 1000;

/**
 * Search-lag mode: reproduces the hosted API's eventually consistent search ("commonly ~10 s";
 * read by id stays immediate). Searches read `lagged_resources`, a table with the same columns
 * and indexes as `resources`, and every committed write is copied into it (or deleted from it)
 * `lagMs` later, in commit order, by one unref'd timer. So a search shows the data as it was
 * `lagMs` ago: a new record is missing, an updated one shows its previous version, a deleted one
 * still shows. On start the copy is rebuilt from `resources`; on close, copies not yet due are
 * dropped (the next start rebuilds). Only this process's writes are copied: other processes on
 * the same database reach this process's searches after its next start.
 */
export class SearchLag {
  readonly #queue: { due: number; change: RowChange }[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #retryAt = 0;
  #closed = false;

  private constructor(
    private readonly db: Database,
    /** Delay in milliseconds (> 0). */
    readonly lagMs: number,
  ) {}

  /** Rebuilds the delayed copy from `resources` and starts copying writes `lagMs` after commit. */
  static async start(db: Database, lagMs: number): Promise<SearchLag> {
    const columns = STORED_COLUMNS.join(', ');
    await db.transaction(async (tx) => {
      await tx.query(`DELETE FROM ${LAGGED_TABLE}`);
      await tx.query(`INSERT INTO ${LAGGED_TABLE} (${columns}) SELECT ${columns} FROM resources`);
    });
    await db.exec(`ANALYZE ${LAGGED_TABLE}`);
    return new SearchLag(db, lagMs);
  }

  /** Queues committed changes (in commit order) to reach search `lagMs` from now. */
  record(changes: readonly RowChange[]): void {
    if (this.#closed || changes.length === 0) return;
    const due = performance.now() + this.lagMs;
    for (const change of changes) this.#queue.push({ due, change });
    this.#arm();
  }

  /** Stops copying and waits for a copy in progress (before the database closes). */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#flushing;
  }

  #arm(): void {
    const head = this.#queue[0];
    if (this.#closed || this.#timer || this.#flushing || !head) return;
    const wait = Math.max(0, head.due - performance.now(), this.#retryAt - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushing = this.#flush().finally(() => {
        this.#flushing = undefined;
        this.#arm();
      });
    }, Math.ceil(wait));
    // A pending copy must not keep a process alive that has nothing else to do.
    this.#timer.unref();
  }

  async #flush(): Promise<void> {
    const now = performance.now();
    let due = 0;
    while (due < this.#queue.length && (this.#queue[due]?.due ?? Infinity) <= now) due++;
    if (due === 0) return;
    const batch = this.#queue.slice(0, due);
    try {
      await this.db.transaction(async (tx) => {
        for (const { change } of batch) await applyChange(tx, change);
      });
      this.#queue.splice(0, due);
    } catch {
      // Kept at the head, in order, and tried again.
      this.#retryAt = performance.now() + RETRY_MS;
    }
  }
}

async function applyChange(tx: Queryable, change: RowChange): Promise<void> {
  if (!change.values) {
    await tx.query(`DELETE FROM ${LAGGED_TABLE} WHERE ${KEY_MATCH}`, [...change.key]);
    return;
  }
  // `last_updated` grows with every write of a record, so an older copy never replaces a newer one.
  await tx.query(
    `INSERT INTO ${LAGGED_TABLE} (${STORED_COLUMNS.join(', ')}) VALUES (${STORED_PLACEHOLDERS})
     ON CONFLICT (tenant, environment, resource_type, id) DO UPDATE SET
       ${NON_KEY.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
     WHERE ${LAGGED_TABLE}.last_updated < EXCLUDED.last_updated`,
    [...change.values],
  );
}
