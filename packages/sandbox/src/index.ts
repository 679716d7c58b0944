export {
  type CreateKeyOptions,
  type Environment,
  isKeyFormat,
  type KeyInfo,
  type KeyScope,
  type KeyState,
  type RotatedKey,
} from './auth/keys.js';
export type { ChangeAction, ChangeEvent, ChangeListener } from './events.js';
export type { RequestHandler } from './http/app.js';
export { PLAN_LIMITS, PLAN_MONTHLY_QUOTAS, type Plan } from './limits/plans.js';
export {
  jsonLineLogger,
  type RequestLogEntry,
  type SandboxLogger,
  silentLogger,
} from './logger.js';
export {
  createSandbox,
  type ListenResult,
  type Sandbox,
  type SandboxOptions,
} from './sandbox.js';
export type { SeedOptions, SeedResult } from './seed/seed.js';
export {
  type AddEndpointOptions,
  type DeliveryAttempt,
  RETRY_DELAYS_SECONDS,
  type SandboxWebhooks,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookRuntimeOptions,
} from './webhooks/index.js';
