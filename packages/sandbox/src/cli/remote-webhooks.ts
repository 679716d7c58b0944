import type { SandboxWebhooks } from '../webhooks/index.js';
import { adminClient } from './admin-client.js';

/** The webhook operations of a running `serve`, through its token-protected `/_sandbox/webhooks` route. */
export function remoteWebhooks(url: string, token: string): SandboxWebhooks {
  const call = adminClient(url, token, 'webhooks');
  const at = (id: string) => `/${encodeURIComponent(id)}`;
  return {
    add: (options) => call('POST', '', options),
    list: (org) => call('GET', `?org=${encodeURIComponent(org)}`),
    remove: async (id) =>
      (await call<{ removed: boolean } | undefined>('POST', `${at(id)}/remove`, {}, true))
        ?.removed ?? false,
    rotate: (id, graceSeconds) => call('POST', `${at(id)}/rotate`, { graceSeconds }, true),
    deliveries: async (id, limit = 50) =>
      (await call('GET', `${at(id)}/deliveries?limit=${limit}`, undefined, true)) ?? [],
  };
}
