/**
 * `@clinikapi/proxy`: a same-origin proxy that keeps the ClinikAPI key on the server.
 * Bring your own authentication, choose a policy, mount it in Express or plain node:http
 * (`clinikProxy`), or in Next.js, Hono, Bun and Deno (`clinikFetchProxy`).
 */
export { ClinikProxyError, type ClinikProxyErrorCode } from './errors.js';
export type { BusSignal, DedupeStore, EventBus } from './events/types.js';
export { type JwtAuthOptions, jwtAuth } from './jwt.js';
export { clinikFetchProxy } from './mounts/fetch.js';
export { clinikProxy } from './mounts/node.js';
export {
  type PatientPortalOptions,
  patientPortal,
  readOnly,
  staff,
} from './policies/policies.js';
export type { IncrementResult, RateLimitStore } from './rate-limit/store.js';
export { MemoryStore } from './rate-limit/store.js';
export type {
  AuditEvent,
  AuthorizeContext,
  AuthorizeNarrowing,
  AuthorizeResult,
  Awaitable,
  CircuitBreakerOptions,
  ClinikFetchProxy,
  ClinikProxyHandler,
  ClinikProxyOptions,
  FetchHandler,
  LimitOptions,
  ProxyHealth,
  ProxyLogger,
  ProxyRoute,
  RateLimitOptions,
  RouteKind,
  StoreHealth,
  StoreName,
  StorePolicy,
  TimeoutOptions,
} from './types.js';
