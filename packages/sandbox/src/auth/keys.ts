import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/http-error.js';

export type Environment = 'test' | 'live';
/** `read` allows GET; `write` allows POST, PUT, PATCH, DELETE; `*` allows everything. */
export type KeyScope = 'read' | 'write' | '*';

export interface CreateKeyOptions {
  /** Organization (tenant) id, e.g. `org_acme`. */
  org: string;
  env: Environment;
  /** Defaults to `*`. */
  scope?: KeyScope;
  /** When the key stops working. Defaults to never. */
  expiresAt?: Date | string;
}

/** What `keys.list` shows: never the key or its hash, only its last 4 characters. */
export interface KeyInfo {
  id: string;
  org: string;
  env: Environment;
  scope: KeyScope;
  /** e.g. `clk_test_...a1B2` */
  hint: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** The authenticated caller of a request. */
export interface KeyIdentity {
  keyId: string;
  org: string;
  env: Environment;
  scope: KeyScope;
}

const KEY_FORMAT = /^clk_(test|live)_[A-Za-z0-9]{16,128}$/;
const ORG_FORMAT = /^[A-Za-z0-9\-_.]{1,128}$/;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

interface KeyRow {
  id: string;
  org: string;
  environment: Environment;
  scope: KeyScope;
  key_hint: string;
  created_at: Date | string;
  expires_at: Date | string | null;
  revoked_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** API keys, stored as SHA-256 hashes only: the plaintext exists once, in the `create` result. */
export class KeyStore {
  constructor(private readonly db: Database) {}

  async create(options: CreateKeyOptions): Promise<{ id: string; key: string }> {
    const scope = options.scope ?? '*';
    if (!ORG_FORMAT.test(options.org)) throw new TypeError('org must match [A-Za-z0-9-_.]{1,128}');
    if (options.env !== 'test' && options.env !== 'live') {
      throw new TypeError('env must be "test" or "live"');
    }
    if (!['read', 'write', '*'].includes(scope))
      throw new TypeError('scope must be read, write or *');
    const expiresAt = options.expiresAt === undefined ? null : new Date(options.expiresAt);
    if (expiresAt && Number.isNaN(expiresAt.getTime()))
      throw new TypeError('expiresAt is not a date');

    const key = `clk_${options.env}_${randomBase62(32)}`;
    const id = `key_${randomBytes(8).toString('hex')}`;
    await this.db.query(
      `INSERT INTO api_keys (id, org, environment, scope, key_hash, key_hint, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        options.org,
        options.env,
        scope,
        hashKey(key),
        `clk_${options.env}_...${key.slice(-4)}`,
        new Date().toISOString(),
        expiresAt?.toISOString() ?? null,
      ],
    );
    return { id, key };
  }

  /** Revokes a key at once. Resolves `false` when no such key exists. */
  async revoke(id: string): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING id',
      [id, new Date().toISOString()],
    );
    return rows.length > 0;
  }

  async list(org: string): Promise<KeyInfo[]> {
    const rows = await this.db.query<KeyRow>(
      `SELECT id, org, environment, scope, key_hint, created_at, expires_at, revoked_at
       FROM api_keys WHERE org = $1 ORDER BY created_at, id`,
      [org],
    );
    return rows.map((row) => ({
      id: row.id,
      org: row.org,
      env: row.environment,
      scope: row.scope,
      hint: row.key_hint,
      createdAt: iso(row.created_at) ?? '',
      expiresAt: iso(row.expires_at),
      revokedAt: iso(row.revoked_at),
    }));
  }

  /** Checks an `x-api-key` header value; throws the contract's 401 codes. */
  async authenticate(header: string | string[] | undefined): Promise<KeyIdentity> {
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || key.trim() === '') {
      throw new HttpError(401, 'UNAUTHORIZED', 'Missing API key: send it in the x-api-key header');
    }
    if (!KEY_FORMAT.test(key)) {
      throw new HttpError(
        401,
        'INVALID_KEY_FORMAT',
        'API key format is invalid: expected clk_test_... or clk_live_...',
      );
    }
    const rows = await this.db.query<KeyRow>(
      `SELECT id, org, environment, scope, key_hint, created_at, expires_at, revoked_at
       FROM api_keys WHERE key_hash = $1`,
      [hashKey(key)],
    );
    const row = rows[0];
    if (!row) throw new HttpError(401, 'INVALID_KEY', 'API key is not valid');
    if (row.revoked_at !== null)
      throw new HttpError(401, 'KEY_REVOKED', 'API key has been revoked');
    if (row.expires_at !== null && new Date(row.expires_at).getTime() <= Date.now()) {
      throw new HttpError(401, 'KEY_EXPIRED', 'API key has expired');
    }
    return { keyId: row.id, org: row.org, env: row.environment, scope: row.scope };
  }
}

const READ_METHODS = new Set(['GET', 'HEAD']);

/** Throws 403 FORBIDDEN when the key's scope does not allow `method`. */
export function assertScopeAllows(scope: KeyScope, method: string): void {
  if (scope === '*') return;
  const isRead = READ_METHODS.has(method);
  if ((scope === 'read' && isRead) || (scope === 'write' && !isRead)) return;
  throw new HttpError(
    403,
    'FORBIDDEN',
    `This key's scope (${scope}) does not allow ${method} requests`,
  );
}
