import { existsSync } from 'node:fs';
import type { SandboxOptions } from '../sandbox.js';
import { CliError } from './errors.js';
import { runningServer } from './storage.js';

/**
 * How an admin command reaches its API: a running `serve` holds the embedded database, so then
 * the command goes through its token-protected route; otherwise it opens the storage itself.
 * `creates`: whether the command adds something (`keys create`, `webhooks add`); only those may
 * start a data directory no sandbox has used. The others find nothing there, so they say so and
 * exit 1 rather than create a 40 MB directory to report an empty list.
 */
export function adminAccess<Api>(
  storage: SandboxOptions,
  remote: (url: string, token: string) => Api,
  local: <T>(work: (api: Api) => Promise<T>) => Promise<T>,
  warn: (text: string) => void,
): <T>(work: (api: Api) => Promise<T>, options?: { creates?: boolean }) => Promise<T> {
  const server = storage.dataDir ? runningServer(storage.dataDir) : undefined;
  return (work, options = {}) => {
    if (server?.url && server.token) return work(remote(server.url, server.token));
    // A `serve --memory` (or one on another directory) cannot be reached from here: never manage
    // a new directory quietly as if it were that server's data.
    if (storage.dataDir && !existsSync(storage.dataDir)) {
      if (!options.creates) throw new CliError(noDataDirMessage(storage.dataDir));
      warn(newDataDirNote(storage.dataDir));
    }
    return local(work);
  };
}

const MEMORY_HINT =
  'A server started with --memory (or with another --data-dir or --database-url) keeps its keys ' +
  'and webhook endpoints where this command cannot reach them. To manage a running server from ' +
  'here, start it with --data-dir';

/** Why a listing, revoke, rotate or remove on a directory no sandbox has used finds nothing. */
export function noDataDirMessage(dataDir: string): string {
  return `No sandbox has used ${dataDir} yet, so it holds nothing to show or change. ${MEMORY_HINT} ${dataDir}.`;
}

/** The note printed (to stderr) when an admin command creates the data directory it opens. */
export function newDataDirNote(dataDir: string): string {
  return (
    `Note: no sandbox has used ${dataDir} yet; creating it. ${MEMORY_HINT} ${dataDir}; ` +
    'to give a --memory server a known key, start it with --key.\n'
  );
}

/** Prints text, or the data as one JSON line with `--json`. */
export function printer(out: (text: string) => void, json: boolean | undefined) {
  return (text: string, data: unknown) => out(json ? `${JSON.stringify(data)}\n` : text);
}
