import { randomBytes } from 'node:crypto';
import type { ApiIssue } from '@clinikapi/core';
import type { Database } from '../db/database.js';
import type { ResourceAdapter } from '../engine/adapter.js';
import type { ResourceEngine } from '../engine/engine.js';
import type { TenantScope } from '../engine/write-context.js';
import { HttpError, notFound } from '../http/http-error.js';

export const MAX_BULK_RECORDS = 10_000;
export const BULK_OPERATIONS_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

export type BulkJobStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** The contract's job shape (`GET /v1/bulk/jobs/{jobId}`). */
export interface BulkJob {
  id: string;
  type: 'import' | 'export';
  status: BulkJobStatus;
  totalRecords: number;
  processedRecords: number;
  downloadUrl?: string;
  /** One entry per skipped record: its line number and why (never its content). */
  errors: { line: number; issues: ApiIssue[] }[];
}

interface JobRow {
  id: string;
  type: 'import' | 'export';
  status: BulkJobStatus;
  total_records: number;
  processed_records: number;
  errors: BulkJob['errors'] | string;
  created_at: Date | string;
}

/** Bulk import/export jobs, run in the background of this process and tracked in `bulk_jobs`. */
export class BulkJobs {
  readonly #running = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly engine: ResourceEngine,
  ) {}

  /** Throws 429 when the tenant started 5 bulk operations in the past hour. */
  async assertQuota(scope: TenantScope): Promise<void> {
    const since = new Date(Date.now() - HOUR_MS).toISOString();
    const rows = await this.db.query<{ created_at: Date | string }>(
      `SELECT created_at FROM bulk_jobs WHERE tenant = $1 AND created_at > $2
       ORDER BY created_at ASC`,
      [scope.tenant, since],
    );
    if (rows.length < BULK_OPERATIONS_PER_HOUR) return;
    const oldest = new Date(rows[0]?.created_at ?? Date.now()).getTime();
    const retryAfter = Math.max(1, Math.ceil((oldest + HOUR_MS - Date.now()) / 1000));
    throw new HttpError(
      429,
      'RATE_LIMITED',
      `At most ${BULK_OPERATIONS_PER_HOUR} bulk operations per hour; retry in ${retryAfter} s`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }

  async startImport(
    scope: TenantScope,
    adapter: ResourceAdapter,
    lines: string[],
  ): Promise<string> {
    const id = await this.insert(scope, 'import', lines.length);
    this.run(id, async () => {
      const errors: BulkJob['errors'] = [];
      let processed = 0;
      for (const [index, line] of lines.entries()) {
        try {
          await this.engine.create(scope, adapter, JSON.parse(line));
        } catch (error) {
          errors.push({ line: index + 1, issues: issuesOf(error) });
        }
        processed++;
        if (processed % 200 === 0) await this.progress(id, processed, errors);
      }
      await this.finish(id, processed, errors, null);
    });
    return id;
  }

  async startExport(
    scope: TenantScope,
    adapters: ResourceAdapter[],
    since?: string,
  ): Promise<string> {
    const id = await this.insert(scope, 'export', 0);
    this.run(id, async () => {
      const rows = await this.db.query<{ resource: unknown }>(
        `SELECT resource FROM resources
         WHERE tenant = $1 AND environment = $2 AND resource_type = ANY($3::text[])
           AND ($4::timestamptz IS NULL OR last_updated >= $4::timestamptz)
         ORDER BY resource_type, created_at, id`,
        [
          scope.tenant,
          scope.environment,
          adapters.map((a) => a.definition.fhirType),
          since ?? null,
        ],
      );
      const output = rows.map((r) => JSON.stringify(r.resource)).join('\n');
      await this.db.query('UPDATE bulk_jobs SET total_records = $2 WHERE id = $1', [
        id,
        rows.length,
      ]);
      await this.finish(id, rows.length, [], rows.length > 0 ? `${output}\n` : '');
    });
    return id;
  }

  async get(scope: TenantScope, id: string): Promise<BulkJob> {
    const rows = await this.db.query<JobRow>(
      `SELECT id, type, status, total_records, processed_records, errors, created_at FROM bulk_jobs
       WHERE id = $1 AND tenant = $2 AND environment = $3`,
      [id, scope.tenant, scope.environment],
    );
    const row = rows[0];
    if (!row) throw notFound('No such bulk job');
    const job: BulkJob = {
      id: row.id,
      type: row.type,
      status: row.status,
      totalRecords: Number(row.total_records),
      processedRecords: Number(row.processed_records),
      errors: typeof row.errors === 'string' ? JSON.parse(row.errors) : row.errors,
    };
    if (row.type === 'export' && row.status === 'completed') {
      job.downloadUrl = `/v1/bulk/jobs/${row.id}/download`;
    }
    return job;
  }

  /** The NDJSON of a completed export. */
  async download(scope: TenantScope, id: string): Promise<string> {
    const rows = await this.db.query<{ output: string | null; status: string }>(
      `SELECT output, status FROM bulk_jobs
       WHERE id = $1 AND tenant = $2 AND environment = $3 AND type = 'export'`,
      [id, scope.tenant, scope.environment],
    );
    const row = rows[0];
    if (row?.status !== 'completed' || row.output === null) throw notFound('No export output');
    return row.output;
  }

  /** Waits for running jobs (before the database closes). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.#running]);
  }

  private async insert(scope: TenantScope, type: BulkJob['type'], total: number): Promise<string> {
    const id = `job_${randomBytes(10).toString('hex')}`;
    await this.db.query(
      `INSERT INTO bulk_jobs (id, tenant, environment, type, status, total_records, created_at)
       VALUES ($1, $2, $3, $4, 'pending', $5, $6)`,
      [id, scope.tenant, scope.environment, type, total, new Date().toISOString()],
    );
    return id;
  }

  private run(id: string, work: () => Promise<void>): void {
    const task = (async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await this.db.query(`UPDATE bulk_jobs SET status = 'processing' WHERE id = $1`, [id]);
      await work();
    })().catch(async () => {
      await this.db
        .query(`UPDATE bulk_jobs SET status = 'failed' WHERE id = $1`, [id])
        .catch(() => {});
    });
    this.#running.add(task);
    void task.finally(() => this.#running.delete(task));
  }

  private progress(id: string, processed: number, errors: BulkJob['errors']) {
    return this.db.query(
      'UPDATE bulk_jobs SET processed_records = $2, errors = $3::jsonb WHERE id = $1',
      [id, processed, JSON.stringify(errors)],
    );
  }

  private finish(id: string, processed: number, errors: BulkJob['errors'], output: string | null) {
    return this.db.query(
      `UPDATE bulk_jobs SET status = 'completed', processed_records = $2, errors = $3::jsonb, output = $4
       WHERE id = $1`,
      [id, processed, JSON.stringify(errors), output],
    );
  }
}

function issuesOf(error: unknown): ApiIssue[] {
  if (error instanceof SyntaxError) {
    return [{ severity: 'error', code: 'structure', diagnostics: 'line is not valid JSON' }];
  }
  if (error instanceof HttpError && error.issues) return error.issues;
  const message = error instanceof HttpError ? error.message : 'record could not be stored';
  return [{ severity: 'error', code: 'processing', diagnostics: message }];
}
