/**
 * `@clinikapi/proxy`: a same-origin proxy that keeps the ClinikAPI key on the server.
 * Bring your own authentication, choose a policy, mount it in Express or plain node:http.
 */
export { ClinikProxyError, type ClinikProxyErrorCode } from './errors.js';
export { type JwtAuthOptions, jwtAuth } from './jwt.js';
export {
  type PatientPortalOptions,
  patientPortal,
  readOnly,
  staff,
} from './policies/policies.js';
export { clinikProxy } from './proxy.js';
export type { IncrementResult, RateLimitStore } from './rate-limit/store.js';
export { MemoryStore } from './rate-limit/store.js';
export type {
  AuditEvent,
  AuthorizeContext,
  AuthorizeNarrowing,
  AuthorizeResult,
  Awaitable,
  CircuitBreakerOptions,
  ClinikProxyHandler,
  ClinikProxyOptions,
  LimitOptions,
  ProxyLogger,
  ProxyRoute,
  RateLimitOptions,
  RouteKind,
  TimeoutOptions,
} from './types.js';
