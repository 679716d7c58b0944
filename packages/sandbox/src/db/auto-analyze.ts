import type { Database } from './database.js';

/**
 * Keeps planner statistics fresh. Embedded Postgres runs no autovacuum, and without statistics the
 * planner picks poor indexes (reads by id went from 0.1 ms to 7 ms at 20k rows). Like autovacuum's
 * analyze threshold, `resources` is analyzed once the writes since the last run exceed 200 plus 10%
 * of its rows, together with the name-word index (vacuumed too, see `run`). Runs in the
 * background; `drain()` waits for a run in progress.
 */
export class AutoAnalyze {
  #writes = 0;
  #rows = 0;
  #running: Promise<void> | undefined;

  /** `also`: tables analyzed with `resources` (the search-lag copy follows its writes). */
  constructor(
    private readonly db: Database,
    private readonly also: readonly string[] = [],
  ) {}

  noteWrites(count: number): void {
    this.#writes += count;
    if (this.#running || this.#writes < 200 + this.#rows * 0.1) return;
    this.#running = this.run().finally(() => {
      this.#running = undefined;
    });
  }

  async run(): Promise<void> {
    this.#writes = 0;
    try {
      await this.db.exec(`ANALYZE ${['resources', 'name_words', ...this.also].join(', ')}`);
      // The name-search count reads the word index by index-only scans, which skip the heap only
      // on pages VACUUM has marked all-visible (engine/name-words.ts).
      await this.db.exec('VACUUM (ANALYZE) name_postings');
      const rows = await this.db.query<{ reltuples: number | string }>(
        "SELECT reltuples FROM pg_class WHERE relname = 'resources'",
      );
      this.#rows = Math.max(0, Number(rows[0]?.reltuples ?? 0));
    } catch {
      // Statistics are an optimization; a failed run (e.g. during shutdown) changes nothing else.
    }
  }

  async drain(): Promise<void> {
    await this.#running;
  }
}
