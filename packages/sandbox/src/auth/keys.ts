import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { type KeyUsage, monthOf } from './key-usage.js';

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
  /**
   * Registers this key instead of generating one (e.g. a fixed key from `CLINIK_SANDBOX_KEY`):
   * `clk_<env>_` and 16-128 letters or digits (`isKeyFormat`), `env` matching its prefix. Throws a
   * `TypeError` on another format or a key already registered. Defaults to a new random key
   * (`clk_<env>_` and 32 letters or digits).
   */
  key?: string;
}

/**
 * Where a key stands: `rotating` while a rotation's grace period runs (it still works until
 * `revokedAt`), `revoked` and `expired` once it answers 401 KEY_REVOKED or KEY_EXPIRED.
 */
export type KeyState = 'active' | 'rotating' | 'revoked' | 'expired';

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
  /** When the key stops (or stopped) working; in the future during a rotation's grace period. */
  revokedAt: string | null;
  state: KeyState;
  /** The key that replaced this one in `rotate`, if any. */
  replacedBy: string | null;
  /** Last authenticated request (ISO 8601), or null if never used. */
  lastUsedAt: string | null;
  /** Requests in the last 60 s (the rate-limit window) seen by the serving process. */
  requestsInWindow: number;
  /** Requests in the current UTC calendar month (all processes sharing the database). */
  requestsThisMonth: number;
}

/** A replacement key from `rotate`. */
export interface RotatedKey {
  /** The new key's id. */
  id: string;
  /** The new key, shown only here. */
  key: string;
  /** The id of the key it replaces. */
  replaces: string;
  /** When the old key stops working (ISO 8601): now plus the grace period, or its earlier expiry. */
  oldKeyUntil: string;
}

/** The authenticated caller of a request. */
export interface KeyIdentity {
  keyId: string;
  org: string;
  env: Environment;
  scope: KeyScope;
}

const KEY_FORMAT = /^clk_(test|live)_[A-Za-z0-9]{16,128}$/;

/** Whether `key` has the format the API accepts: `clk_test_` or `clk_live_`, then 16-128 letters or digits. */
export const isKeyFormat = (key: string): boolean => KEY_FORMAT.test(key);

/** The environment a key's prefix names (`clk_test_...` -> `test`); the key must pass `isKeyFormat`. */
export const environmentOfKey = (key: string): Environment =>
  key.startsWith('clk_live_') ? 'live' : 'test';
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

interface ListedRow extends KeyRow {
  replaced_by: string | null;
  last_used_at: Date | string | null;
  requests: number | string | null;
}

const KEY_COLUMNS = 'id, org, environment, scope, key_hint, created_at, expires_at, revoked_at';

const passed = (value: Date | string | null, now: number) =>
  value !== null && new Date(value).getTime() <= now;

function stateOf(row: KeyRow, now: number): KeyState {
  if (passed(row.revoked_at, now)) return 'revoked';
  if (passed(row.expires_at, now)) return 'expired';
  return row.revoked_at === null ? 'active' : 'rotating';
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** API keys, stored as SHA-256 hashes only: the plaintext exists once, in the `create` result. */
export class KeyStore {
  constructor(
    private readonly db: Database,
    /** Counts each authenticated request per key. Defaults to none (`list` then shows 0). */
    private readonly usage?: KeyUsage,
  ) {}

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

    if (options.key !== undefined) {
      if (typeof options.key !== 'string' || !isKeyFormat(options.key)) {
        throw new TypeError(
          'key must be clk_test_ or clk_live_ followed by 16-128 letters or digits',
        );
      }
      if (environmentOfKey(options.key) !== options.env) {
        throw new TypeError(`key must start with clk_${options.env}_ for env ${options.env}`);
      }
      if (await this.find(options.key)) throw new TypeError('That key is already registered');
    }
    const key = options.key ?? `clk_${options.env}_${randomBase62(32)}`;
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

  /**
   * Revokes a key at once (also one still in a rotation's grace period). Resolves `false` when no
   * such key exists.
   */
  async revoke(id: string): Promise<boolean> {
    const now = new Date().toISOString();
    const rows = await this.db.query(
      `UPDATE api_keys SET revoked_at = LEAST(COALESCE(revoked_at, $2::timestamptz), $2::timestamptz)
       WHERE id = $1 RETURNING id`,
      [id, now],
    );
    return rows.length > 0;
  }

  /**
   * Issues a replacement for key `id` (same organization, environment and scope) and lets the old
   * key work for `graceMs` more (default 24 h; 0 ends it at once), after which it answers 401
   * KEY_REVOKED. Resolves `undefined` when no such key exists; throws a `TypeError` when the key
   * is revoked, expired or already being rotated out, or `graceMs` is not a number of ms >= 0.
   */
  async rotate(
    id: string,
    options: { graceMs?: number; expiresAt?: Date | string } = {},
  ): Promise<RotatedKey | undefined> {
    const graceMs = options.graceMs ?? 86_400_000;
    if (typeof graceMs !== 'number' || !Number.isFinite(graceMs) || graceMs < 0) {
      throw new TypeError('graceMs must be a number of milliseconds >= 0');
    }
    const rows = await this.db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM api_keys WHERE id = $1`, [
      id,
    ]);
    const old = rows[0];
    if (!old) return undefined;
    const state = stateOf(old, Date.now());
    if (state !== 'active') {
      throw new TypeError(
        state === 'rotating'
          ? `Key ${id} is already being rotated out: rotate its replacement, or revoke it`
          : `Key ${id} is ${state}: create a new key instead`,
      );
    }
    const until = new Date(Date.now() + graceMs);
    if (Number.isNaN(until.getTime())) throw new TypeError('graceMs is too large');
    const created = await this.create({
      org: old.org,
      env: old.environment,
      scope: old.scope,
      ...(options.expiresAt === undefined ? {} : { expiresAt: options.expiresAt }),
    });
    // Only an active key is moved to its end of grace: of two rotations at once, one wins.
    const updated = await this.db.query<{
      revoked_at: Date | string;
      expires_at: Date | string | null;
    }>(
      `UPDATE api_keys SET revoked_at = $2, replaced_by = $3
       WHERE id = $1 AND revoked_at IS NULL RETURNING revoked_at, expires_at`,
      [id, until.toISOString(), created.id],
    );
    const row = updated[0];
    if (!row) {
      await this.db.query('DELETE FROM api_keys WHERE id = $1', [created.id]);
      throw new TypeError(
        `Key ${id} is already being rotated out: rotate its replacement, or revoke it`,
      );
    }
    const ends = [row.revoked_at, row.expires_at].filter((v) => v !== null).map((v) => new Date(v));
    const oldKeyUntil = new Date(Math.min(...ends.map((d) => d.getTime())));
    return {
      id: created.id,
      key: created.key,
      replaces: id,
      oldKeyUntil: oldKeyUntil.toISOString(),
    };
  }

  /** The stored key whose plaintext is `key` (looked up by its hash), if any. */
  async find(key: string): Promise<KeyInfo | undefined> {
    const rows = await this.db.query<{ id: string; org: string }>(
      'SELECT id, org FROM api_keys WHERE key_hash = $1',
      [hashKey(key)],
    );
    const row = rows[0];
    if (!row) return undefined;
    return (await this.list(row.org)).find((info) => info.id === row.id);
  }

  /** An organization's keys, oldest first, with their usage; never a key or its hash. */
  async list(org: string): Promise<KeyInfo[]> {
    const now = Date.now();
    const month = monthOf(now);
    const rows = await this.db.query<ListedRow>(
      `SELECT k.id, k.org, k.environment, k.scope, k.key_hint, k.created_at, k.expires_at,
              k.revoked_at, k.replaced_by, k.last_used_at, u.requests
       FROM api_keys k LEFT JOIN api_key_usage u ON u.key_id = k.id AND u.month = $2
       WHERE k.org = $1 ORDER BY k.created_at, k.id`,
      [org, month],
    );
    return rows.map((row) => {
      const live = this.usage?.of(row.id, month);
      const stored = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
      const lastUsedMs = Math.max(stored, live?.pendingLastUsedMs ?? 0);
      return {
        id: row.id,
        org: row.org,
        env: row.environment,
        scope: row.scope,
        hint: row.key_hint,
        createdAt: iso(row.created_at) ?? '',
        expiresAt: iso(row.expires_at),
        revokedAt: iso(row.revoked_at),
        state: stateOf(row, now),
        replacedBy: row.replaced_by,
        lastUsedAt: lastUsedMs > 0 ? new Date(lastUsedMs).toISOString() : null,
        requestsInWindow: live?.window ?? 0,
        requestsThisMonth: Number(row.requests ?? 0) + (live?.pendingThisMonth ?? 0),
      };
    });
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
      `SELECT ${KEY_COLUMNS} FROM api_keys WHERE key_hash = $1`,
      [hashKey(key)],
    );
    const row = rows[0];
    if (!row) throw new HttpError(401, 'INVALID_KEY', 'API key is not valid');
    // A future revoked_at is a rotation's grace period: the key works until then.
    const state = stateOf(row, Date.now());
    if (state === 'revoked') throw new HttpError(401, 'KEY_REVOKED', 'API key has been revoked');
    if (state === 'expired') throw new HttpError(401, 'KEY_EXPIRED', 'API key has expired');
    this.usage?.record(row.id);
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
