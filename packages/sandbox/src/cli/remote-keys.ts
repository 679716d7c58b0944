import type { Sandbox } from '../sandbox.js';
import { adminClient } from './admin-client.js';

export type KeyApi = Sandbox['keys'];

/** The key operations of a running `serve`, through its token-protected `/_sandbox/keys` route. */
export function remoteKeys(url: string, token: string): KeyApi {
  const call = adminClient(url, token, 'keys');
  return {
    create: (options) => call('POST', '', options),
    list: (org) => call('GET', `?org=${encodeURIComponent(org)}`),
    revoke: async (id) =>
      (await call<{ revoked: boolean }>('POST', `/${encodeURIComponent(id)}/revoke`)).revoked,
    rotate: (id, options = {}) => call('POST', `/${encodeURIComponent(id)}/rotate`, options, true),
  };
}
