import type { IncomingMessage } from 'node:http';
import { staff } from '../policies/policies.js';
import { clinikProxy } from '../proxy.js';
import type { ClinikProxyOptions } from '../types.js';
import { TEST_KEY } from './fake-upstream.js';
import { auditCollector, memoryLogger, serve } from './http.js';

export interface TestUser {
  id: string;
  patientId?: string;
}

/** Test authentication: the user named by `x-test-user` (never forwarded upstream). */
export const headerAuth = (req: IncomingMessage): TestUser | null => {
  const id = req.headers['x-test-user'];
  if (typeof id !== 'string') return null;
  const patientId = req.headers['x-test-patient'];
  return typeof patientId === 'string' ? { id, patientId } : { id };
};

/** A plain node:http server running clinikProxy at /api/clinik in front of `target`. */
export async function startProxy(
  target: string,
  overrides: Partial<ClinikProxyOptions<TestUser>> = {},
) {
  const log = memoryLogger();
  const audit = auditCollector();
  const middleware = clinikProxy<TestUser>({
    target,
    apiKey: TEST_KEY,
    authenticate: headerAuth,
    authorize: staff(),
    mountPath: '/api/clinik',
    rateLimit: false,
    logger: log.logger,
    onAudit: audit.onAudit,
    ...overrides,
  });
  const server = await serve((req, res) => middleware(req, res));
  const close = async () => {
    await server.close();
    await middleware.close();
  };
  return { ...server, close, middleware, log, audit };
}

export const asUser = (id = 'u1', extra: Record<string, string> = {}) => ({
  'x-test-user': id,
  ...extra,
});
