import type { RequestState } from './respond.js';
import type { AuditEvent, Awaitable, ProxyLogger } from './types.js';

/**
 * Stage "audit": the log line and the audit hook, once per request, after the response is done
 * (status 499 when the client went away first).
 */
export function emitAudit(
  state: RequestState,
  status: number,
  logger: ProxyLogger | undefined,
  onAudit: ((event: AuditEvent) => Awaitable<void>) | undefined,
): void {
  if (!logger && !onAudit) return;
  const event: AuditEvent = {
    requestId: state.requestId,
    timestamp: new Date(state.startedAt).toISOString(),
    userId: state.userId,
    method: state.method,
    route: state.route,
    resourceId: state.resourceId,
    status,
    durationMs: Math.round((performance.now() - state.startedAtMonotonic) * 10) / 10,
    error: state.error,
  };
  if (state.action !== null) event.action = state.action;
  if (state.unlimited) event.unlimited = true;
  logger?.info({ msg: 'clinik-proxy request', ...event });
  if (onAudit) {
    Promise.resolve()
      .then(() => onAudit(event))
      .catch(() =>
        logger?.error({ msg: 'clinik-proxy audit hook failed', requestId: state.requestId }),
      );
  }
}
