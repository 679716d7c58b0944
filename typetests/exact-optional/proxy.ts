import type { IncomingMessage } from 'node:http';
import { clinikFetchProxy, clinikProxy, staff } from '@clinikapi/proxy';

// The proxy README's options (snippets/express.ts and the options table), with values that may be
// `undefined` as an app's configuration often gives them. The package's own `snippets/` are not
// checked here: they belong to the proxy project, so this project would only see their declarations.
interface AppUser {
  id: string;
  role: string;
}
declare function userFromSession(req: IncomingMessage): AppUser | null;
declare const config: {
  limit: number | undefined;
  upstreamMs: number | undefined;
  origins: readonly string[] | undefined;
  fhir: boolean | undefined;
  onAudit: ((event: unknown) => void) | undefined;
};

export const proxy = clinikProxy<AppUser>({
  target: process.env.CLINIKAPI_URL, // e.g. https://api.clinikapi.com
  apiKey: process.env.CLINIKAPI_SECRET_KEY, // clk_test_... / clk_live_...
  authenticate: (req) => userFromSession(req),
  authorize: staff(),
  events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET }, // optional: live updates
  rateLimit: { limit: config.limit, windowMs: undefined },
  timeouts: { upstreamMs: config.upstreamMs, bodyMs: undefined, storeMs: undefined },
  limits: { bodyBytes: undefined },
  circuitBreaker: { failureThreshold: undefined },
  enable: { fhir: config.fhir, bulk: undefined },
  csrf: { trustedOrigins: config.origins },
  mountPath: process.env.CLINIKAPI_MOUNT,
  onAudit: config.onAudit,
  retries: undefined,
  logger: undefined,
});

export const fetchProxy = clinikFetchProxy({
  target: process.env.CLINIKAPI_URL,
  apiKey: process.env.CLINIKAPI_SECRET_KEY,
  authenticate: async () => ({ id: 'u1' }),
  authorize: staff(),
  mountPath: '',
  events: { webhookSecret: process.env.CLINIKAPI_WEBHOOK_SECRET },
});
