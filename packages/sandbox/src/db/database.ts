/** The few database operations the sandbox needs; PGlite and `pg` both implement them. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** `pglite` (embedded, one process) or `postgres` (a server reached through `pg`). */
  readonly kind: 'pglite' | 'postgres';
  /** Runs several statements separated by `;` (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
