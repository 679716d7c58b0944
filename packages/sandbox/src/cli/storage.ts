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

/** What the lock file holds: the owner's pid and, once `serve` listens, its URL and admin token. */
export interface LockInfo {
  pid: number;
  url?: string;
  token?: string;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readLock(path: string): LockInfo | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const text = readFileSync(path, 'utf8').trim();
    const info = (text.startsWith('{') ? JSON.parse(text) : { pid: Number(text) }) as LockInfo;
    return Number.isInteger(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The process holding `dataDir`, if it is still running. */
export function runningServer(dataDir: string): LockInfo | undefined {
  const info = readLock(join(dataDir, LOCK_FILE));
  if (!info || !isRunning(info.pid)) return undefined;
  return info;
}

/**
 * The embedded database serves one process at a time. A lock file in the data directory stops a
 * second process (another `serve`, or `seed` while serving) from opening it. `publish` records the
 * server's URL and admin token (mode 0600) so `keys` can go through the running server instead.
 */
export function lockDataDir(dataDir: string) {
  // Owner only, as Postgres requires of its data directories: PGlite writes its files 0666.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  const holder = runningServer(dataDir);
  if (holder) {
    throw new CliError(
      `The data directory ${dataDir} is in use by another sandbox process (pid ${holder.pid}). ` +
        'Stop it first, or share one Postgres server between processes with --database-url.',
    );
  }
  const write = (info: LockInfo) => writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
  write({ pid: process.pid });
  return {
    publish: (url: string, token: string) => write({ pid: process.pid, url, token }),
    release: () => rmSync(path, { force: true }),
  };
}
