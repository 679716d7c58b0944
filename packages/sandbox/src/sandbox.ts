import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { KeyUsage } from './auth/key-usage.js';
import { type CreateKeyOptions, type KeyInfo, KeyStore, type RotatedKey } from './auth/keys.js';
import { BulkJobs } from './bulk/jobs.js';
import { bulkRoutes } from './bulk/routes.js';
import { AutoAnalyze } from './db/auto-analyze.js';
import type { Database } from './db/database.js';
import { LAGGED_TABLE, migrate, SCHEMA_KEY } from './db/migrations.js';
import { openMemoryPglite, openPglite } from './db/pglite.js';
import { openPostgres } from './db/postgres.js';
import { cursorSecret } from './db/settings.js';
import { createAdapterRegistry } from './engine/adapters/index.js';
import { CursorCodec } from './engine/cursor.js';
import { ResourceEngine } from './engine/engine.js';
import { SearchLag } from './engine/search-lag.js';
import { ChangeEvents, type ChangeListener } from './events.js';
import { capabilityStatement } from './fhir/capability.js';
import { fhirPassthrough } from './fhir/passthrough.js';
import { createApp, type RequestHandler } from './http/app.js';
import { OrgRateLimits } from './limits/org-limits.js';
import { isPlan, PLAN_MONTHLY_QUOTAS, type Plan } from './limits/plans.js';
import { type SandboxLogger, silentLogger } from './logger.js';
import { type OpenApiDocument, openApiDocument, withServer } from './openapi/document.js';
import { type SeedOptions, type SeedResult, seed } from './seed/seed.js';
import {
  type SandboxWebhooks,
  startWebhooks,
  type WebhookRuntimeOptions,
} from './webhooks/index.js';

export interface SandboxOptions {
  /** Directory of the embedded database. Defaults to `.clinik-sandbox` in the working directory. */
  dataDir?: string;
  /** A Postgres server to use instead of the embedded database (e.g. `process.env.DATABASE_URL`). */
  databaseUrl?: string;
  /** Throwaway in-memory database. Defaults to `false`. */
  memory?: boolean;
  /** Plan of organizations without one set through `setPlan`. Defaults to `'pro'` (1,000 requests/min). */
  plan?: Plan;
  /** Requests per calendar month by plan, overriding `PLAN_MONTHLY_QUOTAS` (e.g. to try the 429). */
  monthlyQuotas?: Partial<Record<Plan, number>>;
  /** Enables `/_sandbox/keys` with this bearer token (the CLI's `serve` uses it). Defaults to off. */
  adminToken?: string;
  /** Request and lifecycle logs. Defaults to silent; the CLI logs JSON lines to stdout. */
  logger?: SandboxLogger;
  /**
   * Webhook delivery settings. `timeScale` multiplies the retry schedule (30 s, 2 min, 8 min,
   * 32 min, 2 h), e.g. 0.001 in tests. Defaults to real time and a 10 s attempt timeout.
   */
  webhooks?: WebhookRuntimeOptions;
  /**
   * Search-lag mode, in milliseconds: searches (simplified and FHIR) see the data as it was this
   * long ago, like the hosted API's eventually consistent search (commonly about 10,000 ms).
   * Reads by id, writes and change events stay immediate. Defaults to `0` (immediate search).
   */
  searchLagMs?: number;
}

/** The longest search lag: what one timer can wait (about 24.8 days). */
export const MAX_SEARCH_LAG_MS = 2_147_483_647;

export interface ListenResult {
  url: string;
  port: number;
}

export interface Sandbox {
  /** The `(req, res)` handler, for `http.createServer(app)` or `expressApp.use(app)`. */
  readonly app: RequestHandler;
  /** Starts an HTTP server on 127.0.0.1. Defaults to a free port. */
  listen(port?: number): Promise<ListenResult>;
  readonly keys: {
    /** Creates a key; the plaintext `key` is returned only here. */
    create(options: CreateKeyOptions): Promise<{ id: string; key: string }>;
    /** Revokes a key at once (also one in a rotation's grace period); resolves `false` when it does not exist. */
    revoke(id: string): Promise<boolean>;
    /**
     * An organization's keys with their state and usage (last used, requests in the current 60 s
     * window and UTC month); never the key itself.
     */
    list(org: string): Promise<KeyInfo[]>;
    /**
     * Issues a replacement for key `id` (same org, env and scope; `expiresAt` defaults to never);
     * the old key keeps working for `graceMs` (default 86,400,000: 24 h), then answers 401
     * KEY_REVOKED. Resolves `undefined` for an unknown id; throws a `TypeError` for a key that is
     * revoked, expired or already being rotated out.
     */
    rotate(
      id: string,
      options?: { graceMs?: number; expiresAt?: Date | string },
    ): Promise<RotatedKey | undefined>;
  };
  /** Fills an organization with realistic synthetic data (deterministic for a seed value). */
  seed(options?: SeedOptions): Promise<SeedResult>;
  /** Sets the rate-limit plan of an organization. */
  setPlan(org: string, plan: Plan): Promise<void>;
  /** Subscribes to committed changes (the hook webhook delivery builds on); returns the unsubscribe. */
  onChange(listener: ChangeListener): () => void;
  /** Webhook endpoints (signed, retried deliveries of every change) and their delivery logs. */
  readonly webhooks: SandboxWebhooks;
  /** Stops the server (if listening) and closes the database. */
  close(): Promise<void>;
  /** The underlying services, for the CLI, seeding and tests in this package. */
  readonly internals: { db: Database; engine: ResourceEngine; keys: KeyStore };
}

/** Reported in the CapabilityStatement. */
const SANDBOX_VERSION = '0.1.0';

async function openDatabase(options: SandboxOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  if (options.memory) return openMemoryPglite(SCHEMA_KEY, migrate);
  return openPglite(resolve(options.dataDir ?? '.clinik-sandbox'), SCHEMA_KEY);
}

/** Opens (and migrates) the database and wires the API. */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const plan = options.plan ?? 'pro';
  if (!isPlan(plan)) throw new TypeError(`Unknown plan "${String(plan)}"`);
  const searchLagMs = options.searchLagMs ?? 0;
  if (
    typeof searchLagMs !== 'number' ||
    !Number.isFinite(searchLagMs) ||
    searchLagMs < 0 ||
    searchLagMs > MAX_SEARCH_LAG_MS
  ) {
    throw new TypeError(
      `searchLagMs must be a number of milliseconds from 0 to ${MAX_SEARCH_LAG_MS}`,
    );
  }
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }

  let searchLag: SearchLag | undefined;
  let cursors: CursorCodec;
  const events = new ChangeEvents();
  const statistics = new AutoAnalyze(db, searchLagMs > 0 ? [LAGGED_TABLE] : []);
  try {
    cursors = new CursorCodec(await cursorSecret(db));
    // A reopened data directory may hold many rows: start with statistics.
    await statistics.run();
    if (searchLagMs > 0) searchLag = await SearchLag.start(db, searchLagMs);
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
  const engine = new ResourceEngine(db, createAdapterRegistry(), events, {
    cursors,
    statistics,
    ...(searchLag ? { searchLag } : {}),
  });
  const usage = new KeyUsage(db);
  const keys = new KeyStore(db, usage);
  const limits = new OrgRateLimits(db, plan, undefined, undefined, {
    ...PLAN_MONTHLY_QUOTAS,
    ...options.monthlyQuotas,
  });
  const bulk = new BulkJobs(db, engine);
  const webhooks = await startWebhooks(db, (listener) => events.on(listener), options.webhooks);
  let openApi: OpenApiDocument | undefined;
  const app = createApp({
    engine,
    keys,
    limits,
    logger: options.logger ?? silentLogger,
    groups: [fhirPassthrough(engine), bulkRoutes(bulk, engine.adapters)],
    capabilityStatement: () => capabilityStatement(engine.adapters, SANDBOX_VERSION),
    openApi: (port) => {
      openApi ??= openApiDocument(engine.adapters, SANDBOX_VERSION);
      return withServer(openApi, port);
    },
    ...(options.adminToken ? { admin: { token: options.adminToken, webhooks: webhooks.api } } : {}),
  });

  let server: Server | undefined;
  return {
    app,
    async listen(port = 0) {
      if (server) throw new Error('The sandbox is already listening');
      const started = createServer(app);
      await new Promise<void>((resolveListen, reject) => {
        started.once('error', reject);
        started.listen(port, '127.0.0.1', () => {
          started.off('error', reject);
          resolveListen();
        });
      });
      server = started;
      const actual = (started.address() as AddressInfo).port;
      return { url: `http://127.0.0.1:${actual}`, port: actual };
    },
    keys: {
      create: (o) => keys.create(o),
      revoke: (id) => keys.revoke(id),
      list: (org) => keys.list(org),
      rotate: (id, rotateOptions) => keys.rotate(id, rotateOptions),
    },
    seed: (seedOptions) => seed(engine, seedOptions),
    setPlan: (org, p) => limits.setPlan(org, p),
    onChange: (listener) => events.on(listener),
    webhooks: webhooks.api,
    async close() {
      const running = server;
      server = undefined;
      if (running) {
        running.closeAllConnections();
        await new Promise<void>((done) => running.close(() => done()));
      }
      await bulk.drain();
      await usage.close();
      await searchLag?.close();
      await webhooks.stop();
      await statistics.drain();
      await db.close();
    },
    internals: { db, engine, keys },
  };
}
