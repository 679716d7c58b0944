import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable } from './database.js';

const extensions = { pg_trgm };

function wrap(db: PGlite): Database {
  const queryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...queryable(db),
    async exec(sql) {
      await db.exec(sql);
    },
    // PGlite runs one transaction at a time, so concurrent transactions are serialized.
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
  };
}

/** Opens an embedded Postgres persisted in `dataDir`. */
export async function openPglite(dataDir: string): Promise<Database> {
  return wrap(await PGlite.create(dataDir, { extensions }));
}

/**
 * Opens a throwaway in-memory Postgres. Creating one runs initdb and the migrations (seconds), so
 * the migrated empty database is kept as a snapshot in the temp directory, keyed by `schemaKey`, and
 * later instances (other test files, other processes) start from it in a fraction of the time.
 */
export async function openMemoryPglite(
  schemaKey: string,
  prepare: (db: Database) => Promise<void>,
): Promise<Database> {
  const key = createHash('sha256').update(schemaKey).digest('hex').slice(0, 16);
  const snapshotPath = join(tmpdir(), `clinik-sandbox-memory-${key}.tar`);
  try {
    const snapshot = await readFile(snapshotPath);
    const db = wrap(await PGlite.create({ extensions, loadDataDir: new Blob([snapshot]) }));
    await prepare(db);
    return db;
  } catch {
    await rm(snapshotPath, { force: true }).catch(() => {});
  }
  const pglite = await PGlite.create({ extensions });
  const db = wrap(pglite);
  await prepare(db);
  try {
    const dump = await pglite.dumpDataDir('none');
    // Write then rename, so a concurrent reader never sees half a file.
    const partial = `${snapshotPath}.${randomBytes(4).toString('hex')}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, snapshotPath);
  } catch {
    // Only a speed-up: without a snapshot the next instance starts from scratch.
  }
  return db;
}
