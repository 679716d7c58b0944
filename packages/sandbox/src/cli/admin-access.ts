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
): <T>(work: (api: Api) => Promise<T>) => Promise<T> {
  const server = storage.dataDir ? runningServer(storage.dataDir) : undefined;
  return (work) =>
    server?.url && server.token ? work(remote(server.url, server.token)) : local(work);
}

/** Prints text, or the data as one JSON line with `--json`. */
export function printer(out: (text: string) => void, json: boolean | undefined) {
  return (text: string, data: unknown) => out(json ? `${JSON.stringify(data)}\n` : text);
}
