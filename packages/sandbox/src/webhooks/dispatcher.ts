import { randomBytes } from 'node:crypto';
import { signWebhook, type WebhookEvent } from '@clinikapi/core';
import type { Database } from '../db/database.js';
import type { ChangeEvent } from '../events.js';
import type { WebhookEndpoints } from './endpoints.js';

/** Waits before the retries after a failed first attempt: 30 s, 2 min, 8 min, 32 min, 2 h. */
export const RETRY_DELAYS_SECONDS = [30, 120, 480, 1920, 7200] as const;

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface DeliveryAttempt {
  at: string;
  /** HTTP status received, or `null` when none arrived. */
  status: number | null;
  /** Why it failed (`HTTP 500`, `timeout`, `redirect not followed (HTTP 302)`), or `null`. */
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  eventId: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  log: DeliveryAttempt[];
  createdAt: string;
}

export interface DispatcherOptions {
  db: Database;
  endpoints: WebhookEndpoints;
  /** Multiplies the retry delays (tests use e.g. 0.001). Defaults to 1. */
  timeScale?: number;
  /** Time limit of one delivery attempt. Defaults to 10000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_name: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date | string | null;
  log: DeliveryAttempt[] | string;
  created_at: Date | string;
}

const randomId = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    event: row.event_name,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    log: typeof row.log === 'string' ? (JSON.parse(row.log) as DeliveryAttempt[]) : row.log,
    createdAt: iso(row.created_at) ?? '',
  };
}

/**
 * Turns committed changes into signed webhook deliveries with retries. Every delivery is a row in
 * the database before the first attempt, so a restart resumes pending retries instead of losing them.
 */
export class WebhookDispatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly scale: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: DispatcherOptions) {
    this.scale = options.timeScale ?? 1;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  /** Resumes deliveries left pending by a previous run. */
  start(): void {
    this.stopped = false;
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Records one delivery per subscribed endpoint (ids only in the payload), then attempts them. */
  async enqueue(change: ChangeEvent): Promise<void> {
    const eventName = `${change.event}.${change.action}`;
    const endpointIds = await this.options.endpoints.subscribed(
      change.tenant,
      change.environment,
      eventName,
    );
    if (endpointIds.length === 0) return;
    const event: WebhookEvent = {
      id: randomId('evt_'),
      event: eventName,
      timestamp: new Date().toISOString(),
      data: {
        resourceType: change.event,
        resourceId: change.id,
        action: change.action,
        tenantId: change.tenant,
        environment: change.environment,
      },
    };
    const payload = JSON.stringify(event);
    for (const endpointId of endpointIds) {
      await this.options.db.query(
        `INSERT INTO webhook_deliveries
           (id, endpoint_id, event_id, event_name, payload, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'pending', 0, now(), now(), now())`,
        [randomId('dlv_'), endpointId, event.id, eventName, payload],
      );
    }
    this.kick();
  }

  async deliveries(endpointId: string, limit = 50): Promise<WebhookDelivery[]> {
    const rows = await this.options.db.query<DeliveryRow>(
      'SELECT * FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
      [endpointId, limit],
    );
    return rows.map(toDelivery);
  }

  /** Runs a pass now (or right after the current one) and schedules the next. */
  private kick(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const previous = this.running ?? Promise.resolve();
    const pass = previous.then(() => this.runDue()).catch(() => {});
    this.running = pass;
    void pass.then(() => {
      if (this.running === pass) this.running = undefined;
      return this.scheduleNext();
    });
  }

  private async scheduleNext(): Promise<void> {
    if (this.stopped || this.running) return;
    const rows = await this.options.db
      .query<{ next: Date | string | null }>(
        "SELECT min(next_attempt_at) AS next FROM webhook_deliveries WHERE status = 'pending'",
      )
      .catch(() => []);
    const next = rows[0]?.next;
    if (!next || this.stopped) return;
    const delay = Math.max(0, new Date(next).getTime() - Date.now());
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), Math.min(delay, 2 ** 31 - 1));
    this.timer.unref();
  }

  private async runDue(): Promise<void> {
    const due = await this.options.db.query<DeliveryRow>(
      `SELECT * FROM webhook_deliveries
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT 50`,
    );
    await Promise.all(due.map((row) => this.attempt(row)));
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    // Claim with a lease so another sandbox process on the same database skips this delivery;
    // if this process dies mid-attempt, the lease runs out and the delivery is tried again.
    // Far longer than an attempt can take, even on a loaded machine, or a live attempt is repeated.
    const leaseMs = Math.max(this.timeoutMs * 3, 60_000);
    const claimed = await this.options.db.query(
      `UPDATE webhook_deliveries SET next_attempt_at = now() + make_interval(secs => $2)
        WHERE id = $1 AND status = 'pending' AND next_attempt_at <= now() RETURNING id`,
      [row.id, leaseMs / 1000],
    );
    if (claimed.length === 0 || this.stopped) return;
    const target = await this.options.endpoints.signingSecrets(row.endpoint_id);
    if (!target) {
      await this.finish(row, 'failed', null, {
        at: new Date().toISOString(),
        status: null,
        error: 'endpoint removed',
        durationMs: 0,
      });
      return;
    }
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const signed = await signWebhook({
        payload: row.payload,
        secret: target.secrets,
        deliveryId: row.id,
      });
      const response = await this.fetchImpl(target.url, {
        method: 'POST',
        body: signed.body,
        headers: {
          ...signed.headers,
          'x-clinik-event': row.event_name,
          'user-agent': 'clinik-sandbox-webhooks/1',
        },
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (status >= 300 && status < 400) error = `redirect not followed (HTTP ${status})`;
      else if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (cause) {
      error = (cause as Error).name === 'TimeoutError' ? 'timeout' : 'network error';
    }
    const entry: DeliveryAttempt = {
      at: new Date().toISOString(),
      status,
      error,
      durationMs: Math.round(performance.now() - started),
    };
    if (error === null) {
      await this.finish(row, 'succeeded', null, entry);
      return;
    }
    const retryDelay = RETRY_DELAYS_SECONDS[row.attempts];
    if (retryDelay === undefined) await this.finish(row, 'failed', null, entry);
    else await this.finish(row, 'pending', retryDelay * this.scale, entry);
  }

  private async finish(
    row: DeliveryRow,
    status: DeliveryStatus,
    retryInSeconds: number | null,
    entry: DeliveryAttempt,
  ): Promise<void> {
    await this.options.db.query(
      `UPDATE webhook_deliveries
          SET status = $2, attempts = attempts + 1, updated_at = now(),
              next_attempt_at = CASE WHEN $3::double precision IS NULL THEN NULL
                                     ELSE now() + make_interval(secs => $3::double precision) END,
              log = log || $4::jsonb
        WHERE id = $1`,
      [row.id, status, retryInSeconds, JSON.stringify([entry])],
    );
  }
}
