import { randomBytes } from 'node:crypto';
import type { Queryable } from './database.js';

/**
 * The HMAC secret of page cursors, created once per database and read back, so every process on
 * one database (several sandboxes sharing a Postgres) signs and checks cursors alike. The first
 * process to start wins the insert; the others keep its value (`ON CONFLICT DO NOTHING`). Never
 * logged or sent. Called after migrations, so the in-memory snapshot never contains it.
 */
export async function cursorSecret(db: Queryable): Promise<string> {
  await db.query(
    `INSERT INTO sandbox_settings (name, value) VALUES ('cursor_secret', $1)
     ON CONFLICT (name) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const rows = await db.query<{ value: string }>(
    `SELECT value FROM sandbox_settings WHERE name = 'cursor_secret'`,
  );
  const value = rows[0]?.value;
  if (!value) throw new Error('The cursor secret could not be stored');
  return value;
}
