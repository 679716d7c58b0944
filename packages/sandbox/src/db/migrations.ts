import { KEY_USAGE_TABLES_SQL } from '../auth/tables.js';
import {
  NAME_WORDS_BACKFILL_SQL,
  NAME_WORDS_TABLES_SQL,
  NAME_WORDS_TRIGGER_STATEMENTS,
  NAME_WORDS_TRIGRAM_SQL,
} from '../engine/name-words.js';
import { FOLDING_VERSION, nameColumnsOf } from '../engine/search-text.js';
import { WEBHOOK_TABLES_SQL } from '../webhooks/tables.js';
import type { Database, Queryable } from './database.js';

/** The delayed copy of `resources` that searches read in search-lag mode (`src/engine/search-lag.ts`). */
export const LAGGED_TABLE = 'lagged_resources';

/**
 * `sandbox_settings` (per-database values such as the cursor secret) and the search-lag copy of
 * `resources`: the same columns, key and search indexes as migration 1 gives `resources`.
 */
const SETTINGS_AND_LAGGED_SQL = `
  CREATE TABLE IF NOT EXISTS sandbox_settings (name text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE IF NOT EXISTS ${LAGGED_TABLE} (
    tenant text NOT NULL,
    environment text NOT NULL,
    resource_type text NOT NULL,
    id text NOT NULL,
    version_id integer NOT NULL,
    created_at timestamptz NOT NULL,
    last_updated timestamptz NOT NULL,
    resource jsonb NOT NULL,
    name_text text,
    patient_id text,
    status text,
    main_date timestamptz,
    search jsonb NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (tenant, environment, resource_type, id)
  );
  CREATE INDEX IF NOT EXISTS ${LAGGED_TABLE}_by_created
    ON ${LAGGED_TABLE} (tenant, environment, resource_type, created_at DESC, id DESC);
  CREATE INDEX IF NOT EXISTS ${LAGGED_TABLE}_by_date
    ON ${LAGGED_TABLE} (tenant, environment, resource_type, main_date, id);
  CREATE INDEX IF NOT EXISTS ${LAGGED_TABLE}_by_patient
    ON ${LAGGED_TABLE} (tenant, environment, resource_type, patient_id, main_date);
  CREATE INDEX IF NOT EXISTS ${LAGGED_TABLE}_search
    ON ${LAGGED_TABLE} USING gin (search jsonb_path_ops);
`;

/**
 * Folded name text (src/engine/search-text.ts): the FHIR `family` and `given` columns, on both
 * tables (the search-lag copy is rebuilt from `resources` whenever search lag starts).
 */
const FOLDED_NAMES_SQL = `
  ALTER TABLE resources ADD COLUMN IF NOT EXISTS family_text text;
  ALTER TABLE resources ADD COLUMN IF NOT EXISTS given_text text;
  ALTER TABLE ${LAGGED_TABLE} ADD COLUMN IF NOT EXISTS family_text text;
  ALTER TABLE ${LAGGED_TABLE} ADD COLUMN IF NOT EXISTS given_text text
`;

/**
 * Re-folds the name columns of every stored row by the current policy. The previous `name_text`
 * was the adapter's name text lower-cased, and folding lower-cased text gives the same result as
 * folding the original, so no adapter is needed: the FHIR resource supplies the other names.
 */
async function refoldNames(tx: Queryable): Promise<void> {
  const rows = await tx.query<{
    tenant: string;
    environment: string;
    resource_type: string;
    id: string;
    name_text: string | null;
    name: unknown;
  }>(
    // Only HumanName lists: an Organization's `name` is a string (which, parsed as JSON, threw).
    `SELECT tenant, environment, resource_type, id, name_text,
       CASE WHEN jsonb_typeof(resource->'name') = 'array' THEN resource->'name' END AS name
     FROM resources WHERE name_text IS NOT NULL OR jsonb_typeof(resource->'name') = 'array'`,
  );
  const BATCH = 1000;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const columns = batch.map((row) =>
      nameColumnsOf(row.name_text, {
        name: typeof row.name === 'string' ? JSON.parse(row.name) : row.name,
      }),
    );
    await tx.query(
      `UPDATE resources AS r
       SET name_text = v.name_text, family_text = v.family_text, given_text = v.given_text
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         AS v(tenant, environment, resource_type, id, name_text, family_text, given_text)
       WHERE r.tenant = v.tenant AND r.environment = v.environment
         AND r.resource_type = v.resource_type AND r.id = v.id`,
      [
        batch.map((r) => r.tenant),
        batch.map((r) => r.environment),
        batch.map((r) => r.resource_type),
        batch.map((r) => r.id),
        columns.map((c) => c.name),
        columns.map((c) => c.family),
        columns.map((c) => c.given),
      ],
    );
  }
}

/**
 * Ordered, idempotent migrations. Each runs once (recorded in `sandbox_migrations`), under an
 * advisory lock (see `migrate`); every statement is also written to be safe to repeat.
 */
const MIGRATIONS: readonly {
  id: number;
  sql: string;
  /** Statements run whole after `sql` (function bodies contain `;`). */
  statements?: readonly string[];
  /** A data step after `sql` and `statements`, in the same transaction. */
  run?: (tx: Queryable) => Promise<void>;
}[] = [
  {
    id: 1,
    sql: `
      CREATE TABLE IF NOT EXISTS resources (
        tenant text NOT NULL,
        environment text NOT NULL,
        resource_type text NOT NULL,
        id text NOT NULL,
        version_id integer NOT NULL,
        created_at timestamptz NOT NULL,
        last_updated timestamptz NOT NULL,
        resource jsonb NOT NULL,
        name_text text,
        patient_id text,
        status text,
        main_date timestamptz,
        search jsonb NOT NULL DEFAULT '{}'::jsonb,
        PRIMARY KEY (tenant, environment, resource_type, id)
      );
      CREATE INDEX IF NOT EXISTS resources_by_created
        ON resources (tenant, environment, resource_type, created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS resources_by_date
        ON resources (tenant, environment, resource_type, main_date, id);
      CREATE INDEX IF NOT EXISTS resources_by_patient
        ON resources (tenant, environment, resource_type, patient_id, main_date);
      CREATE INDEX IF NOT EXISTS resources_search ON resources USING gin (search jsonb_path_ops);
      CREATE TABLE IF NOT EXISTS api_keys (
        id text PRIMARY KEY,
        org text NOT NULL,
        environment text NOT NULL,
        scope text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        key_hint text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX IF NOT EXISTS api_keys_by_org ON api_keys (org, created_at);
      CREATE TABLE IF NOT EXISTS org_plans (org text PRIMARY KEY, plan text NOT NULL);
      CREATE TABLE IF NOT EXISTS bulk_jobs (
        id text PRIMARY KEY,
        tenant text NOT NULL,
        environment text NOT NULL,
        type text NOT NULL,
        status text NOT NULL,
        total_records integer NOT NULL DEFAULT 0,
        processed_records integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]'::jsonb,
        output text,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS bulk_jobs_by_tenant ON bulk_jobs (tenant, created_at);
    `,
  },
  // Webhook endpoints and their delivery log (pending retries survive restarts).
  { id: 2, sql: WEBHOOK_TABLES_SQL },
  { id: 3, sql: SETTINGS_AND_LAGGED_SQL },
  { id: 4, sql: FOLDED_NAMES_SQL, run: refoldNames },
  // Per-key usage (last used, requests per month) and rotation (`replaced_by`).
  { id: 5, sql: KEY_USAGE_TABLES_SQL },
  // The word index that counts name-search matches (engine/name-words.ts): filled from the rows
  // already stored, then kept by triggers.
  {
    id: 6,
    sql: `${NAME_WORDS_TABLES_SQL};${NAME_WORDS_BACKFILL_SQL}`,
    statements: NAME_WORDS_TRIGGER_STATEMENTS,
  },
];

/** Trigram index for partial name search; skipped where the extension cannot be created (no privilege). */
const TRIGRAM_SQL = `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX IF NOT EXISTS resources_name_trgm ON resources USING gin (name_text gin_trgm_ops);
  CREATE INDEX IF NOT EXISTS ${LAGGED_TABLE}_name_trgm ON ${LAGGED_TABLE} USING gin (name_text gin_trgm_ops);
  ${NAME_WORDS_TRIGRAM_SQL};
`;

/** Changes whenever the schema does (keys the in-memory snapshot). */
export const SCHEMA_KEY = JSON.stringify([MIGRATIONS, TRIGRAM_SQL, FOLDING_VERSION]);

/**
 * Any number shared by every sandbox process: migrations run under this transaction-level
 * advisory lock, so processes starting together on one Postgres take turns (without it,
 * concurrent `CREATE TABLE IF NOT EXISTS` fails with a duplicate-key error in the catalog).
 */
const MIGRATION_LOCK = 740_211_306;

async function underLock(db: Database, work: (tx: Queryable) => Promise<void>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await work(tx);
  });
}

export async function migrate(db: Database): Promise<void> {
  await underLock(db, async (tx) => {
    await tx.query(
      'CREATE TABLE IF NOT EXISTS sandbox_migrations (id integer PRIMARY KEY, applied_at timestamptz NOT NULL)',
    );
  });
  const applied = new Set(
    (await db.query<{ id: number }>('SELECT id FROM sandbox_migrations')).map((r) => Number(r.id)),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.id)) continue;
    await underLock(db, async (tx) => {
      // Another process may have applied it while this one waited for the lock.
      const done = await tx.query('SELECT 1 FROM sandbox_migrations WHERE id = $1', [migration.id]);
      if (done.length > 0) return;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      for (const statement of migration.statements ?? []) await tx.query(statement);
      await migration.run?.(tx);
      await tx.query('INSERT INTO sandbox_migrations (id, applied_at) VALUES ($1, now())', [
        migration.id,
      ]);
    });
  }
  try {
    await underLock(db, async (tx) => {
      for (const statement of splitStatements(TRIGRAM_SQL)) await tx.query(statement);
    });
  } catch {
    // Name search still works without the index, only slower.
  }
}

function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
