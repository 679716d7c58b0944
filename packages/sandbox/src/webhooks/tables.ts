import type { Database } from '../db/database.js';

/** Endpoints and their delivery log; kept in the database so retries survive a restart. */
export const WEBHOOK_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS webhook_endpoints (
    id text PRIMARY KEY,
    org text NOT NULL,
    environment text NOT NULL,
    url text NOT NULL,
    events jsonb NOT NULL,
    secret text NOT NULL,
    previous_secret text,
    previous_secret_expires_at timestamptz,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX IF NOT EXISTS webhook_endpoints_by_org ON webhook_endpoints (org, environment);
  CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id text PRIMARY KEY,
    endpoint_id text NOT NULL,
    event_id text NOT NULL,
    event_name text NOT NULL,
    payload text NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    log jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE INDEX IF NOT EXISTS webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at DESC);
`;

export async function ensureWebhookTables(db: Database): Promise<void> {
  await db.exec(WEBHOOK_TABLES_SQL);
}
