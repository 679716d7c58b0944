import type { Sandbox } from '../sandbox.js';
import { CliError } from './errors.js';

export type KeyApi = Sandbox['keys'];

/** The key operations of a running `serve`, through its token-protected `/_sandbox/keys` route. */
export function remoteKeys(url: string, token: string): KeyApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${url}/_sandbox/keys${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new CliError(`The running sandbox at ${url} did not answer`);
    }
    const payload = (await response.json()) as T & { message?: string };
    if (!response.ok)
      throw new CliError(payload.message ?? `The sandbox answered ${response.status}`);
    return payload;
  }
  return {
    create: (options) => call('POST', '', options),
    list: (org) => call('GET', `?org=${encodeURIComponent(org)}`),
    revoke: async (id) =>
      (await call<{ revoked: boolean }>('POST', `/${encodeURIComponent(id)}/revoke`)).revoked,
  };
}
