import { CliError } from './errors.js';

/**
 * Calls a running `serve`'s token-protected `/_sandbox/<area>` routes (the CLI's way in while the
 * server holds the embedded database). Resolves `undefined` on 404 when `allowMissing` is set.
 */
export function adminClient(url: string, token: string, area: 'keys' | 'webhooks') {
  return async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    allowMissing = false,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${url}/_sandbox/${area}${path}`, {
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
    if (allowMissing && response.status === 404) return undefined as T;
    if (!response.ok)
      throw new CliError(payload.message ?? `The sandbox answered ${response.status}`);
    return payload;
  };
}
