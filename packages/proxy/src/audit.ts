import type { ServerResponse } from 'node:http';
import type { RequestState } from './respond.js';
import type { AuditEvent, Awaitable, ProxyLogger } from './types.js';

/** Emits the log line and the audit hook once, when the response is done (or the client left). */
export function auditOnClose(
  res: ServerResponse,
  state: RequestState,
  logger: ProxyLogger | undefined,
  onAudit: ((event: AuditEvent) => Awaitable<void>) | undefined,
): void {
  if (!logger && !onAudit) return;
  res.once('close', () => {
    const event: AuditEvent = {
      requestId: state.requestId,
      timestamp: new Date(state.startedAt).toISOString(),
      userId: state.userId,
      method: state.method,
      route: state.route,
      resourceId: state.resourceId,
      // A response that never finished is recorded as 499 (client closed request).
      status: res.writableFinished ? res.statusCode : 499,
      durationMs: Math.round((performance.now() - state.startedAtMonotonic) * 10) / 10,
      error: state.error,
    };
    logger?.info({ msg: 'clinik-proxy request', ...event });
    if (onAudit) {
      Promise.resolve()
        .then(() => onAudit(event))
        .catch(() =>
          logger?.error({ msg: 'clinik-proxy audit hook failed', requestId: state.requestId }),
        );
    }
  });
}
