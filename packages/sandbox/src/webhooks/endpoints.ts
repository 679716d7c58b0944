import { randomBytes } from 'node:crypto';
import { getResourceByEvent } from '@clinikapi/core';
import type { Environment } from '../auth/keys.js';
import type { Database, Queryable } from '../db/database.js';

export interface WebhookEndpoint {
  id: string;
  org: string;
  env: Environment;
  url: string;
  /** `*`, `patient.*` or exact names such as `appointment.created`. */
  events: string[];
  createdAt: string;
  /** When the previous secret (after a rotation) stops being used to sign, if any. */
  previousSecretExpiresAt: string | null;
}

export interface AddEndpointOptions {
  org: string;
  env: Environment;
  url: string;
  /** Defaults to `['*']`. */
  events?: readonly string[];
}

interface EndpointRow {
  id: string;
  org: string;
  environment: Environment;
  url: string;
  events: string[] | string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | string | null;
  created_at: Date | string;
}

const ACTIONS = new Set(['created', 'updated', 'deleted', '*']);

/** Checks an event pattern: `*`, `<resource>.*` or `<resource>.<action>`. */
export function isEventPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  const [resource, action, ...rest] = pattern.split('.');
  return (
    rest.length === 0 &&
    !!resource &&
    !!action &&
    !!getResourceByEvent(resource) &&
    ACTIONS.has(action)
  );
}

export function matchesEvent(patterns: readonly string[], eventName: string): boolean {
  const [resource] = eventName.split('.');
  return patterns.some((p) => p === '*' || p === eventName || p === `${resource}.*`);
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;
const newId = () => `we_${randomBytes(9).toString('base64url')}`;
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    org: row.org,
    env: row.environment,
    url: row.url,
    events: typeof row.events === 'string' ? (JSON.parse(row.events) as string[]) : row.events,
    createdAt: iso(row.created_at) ?? '',
    previousSecretExpiresAt: iso(row.previous_secret_expires_at),
  };
}

/**
 * Registered webhook endpoints. Secrets are kept (the sandbox must sign with them) but only ever
 * returned by `add` and `rotate`.
 */
export class WebhookEndpoints {
  constructor(private readonly db: Database) {}

  async add(options: AddEndpointOptions): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new TypeError('url must be an absolute http(s) URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new TypeError('url must use http or https');
    if (url.username || url.password) throw new TypeError('url must not contain credentials');
    const events = [...(options.events ?? ['*'])].map((e) => e.trim()).filter(Boolean);
    const invalid = events.filter((e) => !isEventPattern(e));
    if (events.length === 0 || invalid.length > 0) {
      throw new TypeError(
        'events must be *, <resource>.* or <resource>.<created|updated|deleted> with a registered resource (e.g. appointment.*)',
      );
    }
    if (options.env !== 'test' && options.env !== 'live')
      throw new TypeError('env must be "test" or "live"');
    const secret = newSecret();
    const rows = await this.db.query<EndpointRow>(
      `INSERT INTO webhook_endpoints (id, org, environment, url, events, secret, created_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, now()) RETURNING *`,
      [newId(), options.org, options.env, url.toString(), JSON.stringify(events), secret],
    );
    return { endpoint: toEndpoint(rows[0] as EndpointRow), secret };
  }

  async list(org: string): Promise<WebhookEndpoint[]> {
    const rows = await this.db.query<EndpointRow>(
      'SELECT * FROM webhook_endpoints WHERE org = $1 ORDER BY created_at, id',
      [org],
    );
    return rows.map(toEndpoint);
  }

  async remove(id: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM webhook_endpoints WHERE id = $1 RETURNING id', [
      id,
    ]);
    return rows.length > 0;
  }

  /**
   * Issues a new secret. The old one keeps signing (as a second `v1=`) for `graceSeconds`, so
   * receivers can deploy the new secret without dropping deliveries.
   */
  async rotate(id: string, graceSeconds = 24 * 60 * 60): Promise<{ secret: string } | undefined> {
    const secret = newSecret();
    const rows = await this.db.query(
      `UPDATE webhook_endpoints
         SET previous_secret = secret, secret = $2,
             previous_secret_expires_at = now() + make_interval(secs => $3)
       WHERE id = $1 RETURNING id`,
      [id, secret, graceSeconds],
    );
    return rows.length > 0 ? { secret } : undefined;
  }

  /** Endpoints of a tenant and environment subscribed to an event name. */
  async subscribed(org: string, env: Environment, eventName: string, tx: Queryable = this.db) {
    const rows = await tx.query<EndpointRow>(
      'SELECT * FROM webhook_endpoints WHERE org = $1 AND environment = $2',
      [org, env],
    );
    return rows
      .filter((row) => matchesEvent(toEndpoint(row).events, eventName))
      .map((row) => row.id);
  }

  /** Secrets to sign with now: the current one, plus the previous one during its grace period. */
  async signingSecrets(id: string): Promise<{ url: string; secrets: string[] } | undefined> {
    const rows = await this.db.query<EndpointRow>('SELECT * FROM webhook_endpoints WHERE id = $1', [
      id,
    ]);
    const row = rows[0];
    if (!row) return undefined;
    const secrets = [row.secret];
    const graceEnds = row.previous_secret_expires_at
      ? new Date(row.previous_secret_expires_at).getTime()
      : 0;
    if (row.previous_secret && graceEnds > Date.now()) secrets.push(row.previous_secret);
    return { url: row.url, secrets };
  }
}
