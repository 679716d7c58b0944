/**
 * Key usage and rotation (migration 5): when a key was last used, the key that replaced it in a
 * rotation, and requests per key per UTC month. Written in batches by `KeyUsage` (key-usage.ts).
 */
export const KEY_USAGE_TABLES_SQL = `
  ALTER TABLE api_keys ADD COLUMN IF NOT EXISTS last_used_at timestamptz;
  ALTER TABLE api_keys ADD COLUMN IF NOT EXISTS replaced_by text;
  CREATE TABLE IF NOT EXISTS api_key_usage (
    key_id text NOT NULL,
    month text NOT NULL,
    requests bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (key_id, month)
  )
`;
