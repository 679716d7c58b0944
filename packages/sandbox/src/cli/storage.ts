import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SandboxOptions } from '../sandbox.js';
import { CliError, usageError } from './errors.js';

export interface StorageFlags {
  'data-dir'?: string | undefined;
  memory?: boolean | undefined;
  'database-url'?: string | undefined;
}

/** Chooses the storage from the flags, then DATABASE_URL, then the default data directory. */
export function storageOptions(
  flags: StorageFlags,
  env: NodeJS.ProcessEnv,
): Pick<SandboxOptions, 'dataDir' | 'memory' | 'databaseUrl'> {
  const chosen = [
    flags['data-dir'] !== undefined,
    flags.memory === true,
    flags['database-url'] !== undefined,
  ];
  if (chosen.filter(Boolean).length > 1) {
    throw usageError('Choose one of --data-dir, --memory and --database-url');
  }
  if (flags.memory) return { memory: true };
  if (flags['database-url']) return { databaseUrl: flags['database-url'] };
  if (flags['data-dir'] === undefined && env.DATABASE_URL) return { databaseUrl: env.DATABASE_URL };
  return { dataDir: resolve(flags['data-dir'] ?? '.clinik-sandbox') };
}

const LOCK_FILE = 'clinik-sandbox.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded database serves one process at a time. A lock file in the data directory stops a
 * second process (another `serve`, or `keys`/`seed` while serving) from opening it.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(pid) && pid !== process.pid && isRunning(pid)) {
      throw new CliError(
        `The data directory ${dataDir} is in use by another sandbox process (pid ${pid}). ` +
          'Stop it first, or share one Postgres server between processes with --database-url.',
      );
    }
  }
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}
