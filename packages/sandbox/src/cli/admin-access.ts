import { existsSync } from 'node:fs';
import type { SandboxOptions } from '../sandbox.js';
import { runningServer } from './storage.js';

/**
 * How an admin command reaches its API: a running `serve` holds the embedded database, so then
 * the command goes through its token-protected route; otherwise it opens the storage itself.
 */
export function adminAccess<Api>(
  storage: SandboxOptions,
  remote: (url: string, token: string) => Api,
  local: <T>(work: (api: Api) => Promise<T>) => Promise<T>,
  warn: (text: string) => void,
): <T>(work: (api: Api) => Promise<T>) => Promise<T> {
  const server = storage.dataDir ? runningServer(storage.dataDir) : undefined;
  return (work) => {
    if (server?.url && server.token) return work(remote(server.url, server.token));
    // A `serve --memory` (or one on another directory) cannot be reached from here: say that a
    // new directory is being made rather than quietly managing data no server reads.
    if (storage.dataDir && !existsSync(storage.dataDir)) warn(newDataDirNote(storage.dataDir));
    return local(work);
  };
}

/** The note printed (to stderr) when an admin command creates the data directory it opens. */
export function newDataDirNote(dataDir: string): string {
  return (
    `Note: no sandbox has used ${dataDir} yet; creating it. A server started with --memory ` +
    '(or with another --data-dir or --database-url) does not read it, so what this command ' +
    'does is not seen there. To manage a running server from here, start it with ' +
    `--data-dir ${dataDir}; to give a --memory server a known key, start it with --key.\n`
  );
}

/** Prints text, or the data as one JSON line with `--json`. */
export function printer(out: (text: string) => void, json: boolean | undefined) {
  return (text: string, data: unknown) => out(json ? `${JSON.stringify(data)}\n` : text);
}
