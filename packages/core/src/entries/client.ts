// `@clinikapi/core/client`: everything but the schemas and zod: the fetch client, typed errors,
// envelopes, ids, the resource registry (paths, ownership, search parameters) and webhooks. What a
// browser page needs up front; a bundler that imports this never reaches zod or a schema, whatever
// its tree-shaking or chunking does with re-exports. Types of the schema shapes come from the main
// entry (`import type`), which costs nothing.
export {
  type ClinikClient,
  type ClinikClientOptions,
  createClinikClient,
  etagOf,
  metaOf,
  type ResourceClient,
} from '../client/client.js';
export {
  backoffDelay,
  isIdempotentRequest,
  isRetryableStatus,
  parseRetryAfter,
} from '../client/retry.js';
export type { ClinikResponse, QueryValue, RequestOptions, RetryInfo } from '../client/transport.js';
export {
  API_ERROR_CODES,
  type ApiErrorBody,
  type ApiIssue,
  type Envelope,
  errorBody,
  type ListPage,
  type ResponseMeta,
} from '../envelope.js';
export { isBrowserLike } from '../environment.js';
export {
  apiErrorFor,
  ClinikApiError,
  ClinikAuthError,
  ClinikConfigError,
  ClinikConflictError,
  ClinikNetworkError,
  ClinikNotFoundError,
  ClinikPreconditionFailedError,
  ClinikRateLimitError,
  ClinikTimeoutError,
  ClinikValidationError,
  errorFromResponse,
} from '../errors.js';
export { ID_PATTERN, isValidId } from '../ids.js';
export { camelCasePath, isResourcePath, RESOURCE_PATHS } from '../paths.js';
export {
  CLINICAL_SEARCH_PARAMS,
  getResource,
  getResourceByEvent,
  getResourceByFhirType,
  type ItemMethod,
  ORIGINAL_RESOURCE_PATHS,
  type Ownership,
  PAGING_PARAMS,
  patientFieldOf,
  RESOURCES,
  type ResourceDefinition,
  type ResourcePath,
} from '../registry.js';
export { type ChangeNotice, isChangeNotice } from '../webhooks/notice.js';
export { type SignedWebhook, type SignWebhookOptions, signWebhook } from '../webhooks/sign.js';
export { WEBHOOK_HEADERS, type WebhookAction, type WebhookEvent } from '../webhooks/types.js';
export {
  ClinikWebhookError,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookErrorCode,
  type WebhookHeaders,
} from '../webhooks/verify.js';
