import { type ChangeNotice, getResource } from '@clinikapi/core';
import { planNarrowing, recordMatches } from '../narrowing.js';
import type { ResolvedOptions } from '../options.js';
import type { Reply } from '../respond.js';
import type { StoreGuard } from '../stores/guard.js';
import type { AuthorizeNarrowing, ProxyRoute } from '../types.js';
import { sendUpstream } from '../upstream.js';
import { createWebhookReceiver } from './receiver.js';
import { GuardedDedupe, ResilientBus } from './resilient.js';
import { EventStream } from './stream.js';

const OWNER_CACHE_MS = 60_000;
const OWNER_CACHE_MAX = 5000;

/**
 * The proxy's live-update routes: the webhook receiver and the per-user event stream. A user
 * hears of a change only if `authorize` would let them read that record now.
 */
export class LiveEvents<User, Req> {
  readonly receive: ReturnType<typeof createWebhookReceiver>;
  /** The de-duplication store's and the bus's bounds and states (for `health()`). */
  readonly guards: readonly StoreGuard[];
  private readonly bus: ResilientBus;
  private readonly stream: EventStream<User>;
  private readonly started: Promise<void>;
  /** Records fetched to check owners, shared by every stream for one notice. */
  private readonly records = new Map<string, Promise<unknown>>();

  constructor(private readonly config: ResolvedOptions<User, Req>) {
    const events = config.events;
    if (!events) throw new Error('LiveEvents needs events options');
    // Every store call is bounded: de-duplication fails closed (503, the sender retries), the bus
    // degrades to delivery on this instance.
    const dedupe = new GuardedDedupe(events.dedupe, {
      timeoutMs: config.storeTimeoutMs,
      logger: config.logger,
    });
    this.bus = new ResilientBus(events.bus, {
      timeoutMs: config.storeTimeoutMs,
      logger: config.logger,
    });
    this.guards = [dedupe.guard, this.bus.guard];
    this.receive = createWebhookReceiver({
      secrets: events.secrets,
      bus: this.bus,
      dedupe,
      toleranceSeconds: events.toleranceSeconds,
      bodyTimeoutMs: config.bodyTimeoutMs,
      onIncident: ({ code, status, resourceType }) => {
        if (code === 'UNKNOWN_RESOURCE_TYPE') {
          config.logger?.error({
            msg: 'clinik-proxy webhook for a resource type the proxy does not know (answered 422; the sender retries)',
            code,
            status,
            resourceType,
          });
        } else if (code !== 'STORE_UNAVAILABLE') {
          // A store outage is logged once by its guard; each 503 is in the request's audit line.
          config.logger?.warn({ msg: 'clinik-proxy webhook not processed', code, status });
        }
      },
    });
    this.stream = new EventStream<User>({
      bus: this.bus,
      heartbeatMs: events.heartbeatMs,
      bufferSize: events.bufferSize,
      canSee: (user, notice) => this.canSee(user, notice),
    });
    this.started = this.stream.start();
  }

  async connect(user: User, lastEventId: string | undefined): Promise<Reply> {
    await this.started;
    return this.stream.connect(user, lastEventId);
  }

  async close(): Promise<void> {
    await this.stream.close();
    this.bus.close();
  }

  private async canSee(user: User, notice: ChangeNotice): Promise<boolean> {
    const definition = getResource(notice.resource);
    if (!definition) return false;
    const route: ProxyRoute = {
      kind: 'resource',
      resource: notice.resource,
      id: notice.resourceId,
      template: `/v1/${notice.resource}/:id`,
      path: `/v1/${notice.resource}/${encodeURIComponent(notice.resourceId)}`,
    };
    const decision = await this.config.authorize({
      user,
      method: 'GET',
      route,
      resource: route.resource,
      id: route.id,
      query: Object.freeze({}),
    });
    if (decision === true) return true;
    if (typeof decision !== 'object' || decision === null) return false;
    const plan = planNarrowing(decision as AuthorizeNarrowing, route, 'GET');
    if (plan.kind === 'none') return true;
    if (plan.kind !== 'check-record') return false;
    if (definition.ownership === 'self')
      return recordMatches({ id: notice.resourceId }, plan.constraints, route);
    // A deleted record cannot be checked any more: narrowed users are not told (fail closed).
    if (notice.action === 'deleted') return false;
    return recordMatches(await this.recordOf(notice, route), plan.constraints, route);
  }

  private recordOf(notice: ChangeNotice, route: ProxyRoute): Promise<unknown> {
    const cached = this.records.get(notice.id);
    if (cached) return cached;
    const { config } = this;
    const lookup = (async () => {
      const key = await config.getKey();
      const result = await sendUpstream({
        target: config.target,
        method: 'GET',
        pathAndQuery: route.path,
        headers: { accept: 'application/json', 'x-api-key': key },
        body: Buffer.alloc(0),
        dispatcher: config.dispatcher,
        timeoutMs: config.upstreamTimeoutMs,
        maxResponseBytes: config.responseBytes,
      });
      if (result.kind === 'response' && (result.status === 401 || result.status === 403)) {
        // Narrowed users then hear of nothing: say why (never the key).
        config.logger?.error({
          msg: "clinik-proxy the data API refused the proxy's API key while checking who may see a change",
          upstreamStatus: result.status,
          target: config.target.host,
        });
      } else if (result.kind === 'network' || result.kind === 'timeout') {
        config.logger?.error({
          msg: 'clinik-proxy could not reach the data API while checking who may see a change',
          cause: result.kind === 'network' ? result.cause : 'TIMEOUT',
          target: config.target.host,
        });
      }
      if (result.kind !== 'response' || result.status !== 200) return null;
      try {
        return (JSON.parse(result.body.toString('utf8')) as { data?: unknown }).data ?? null;
      } catch {
        return null;
      }
    })().catch(() => null);
    if (this.records.size >= OWNER_CACHE_MAX) this.records.clear();
    this.records.set(notice.id, lookup);
    setTimeout(() => this.records.delete(notice.id), OWNER_CACHE_MS).unref();
    return lookup;
  }
}
