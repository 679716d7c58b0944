import type { SandboxWebhooks } from '../webhooks/index.js';
import { CliError } from './errors.js';

/** The webhook operations of a running `serve`, through its token-protected `/_sandbox/webhooks` route. */
export function remoteWebhooks(url: string, token: string): SandboxWebhooks {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${url}/_sandbox/webhooks${path}`, {
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
    if (response.status === 404) return undefined as T;
    if (!response.ok)
      throw new CliError(payload.message ?? `The sandbox answered ${response.status}`);
    return payload;
  }
  const at = (id: string) => `/${encodeURIComponent(id)}`;
  return {
    add: (options) => call('POST', '', options),
    list: (org) => call('GET', `?org=${encodeURIComponent(org)}`),
    remove: async (id) =>
      (await call<{ removed: boolean } | undefined>('POST', `${at(id)}/remove`, {}))?.removed ??
      false,
    rotate: (id, graceSeconds) => call('POST', `${at(id)}/rotate`, { graceSeconds }),
    deliveries: async (id, limit = 50) =>
      (await call('GET', `${at(id)}/deliveries?limit=${limit}`)) ?? [],
  };
}
