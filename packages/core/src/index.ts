export {
  type ClinikClient,
  type ClinikClientOptions,
  createClinikClient,
  etagOf,
  metaOf,
  type ResourceClient,
} from './client/client.js';
export {
  backoffDelay,
  isIdempotentRequest,
  isRetryableStatus,
  parseRetryAfter,
} from './client/retry.js';
export type { ClinikResponse, QueryValue, RequestOptions, RetryInfo } from './client/transport.js';
export {
  API_ERROR_CODES,
  type ApiErrorBody,
  type ApiIssue,
  type Envelope,
  errorBody,
  type ListPage,
  type ResponseMeta,
} from './envelope.js';
export { isBrowserLike } from './environment.js';
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
} from './errors.js';
export { ID_PATTERN, isValidId } from './ids.js';
export {
  CLINICAL_SEARCH_PARAMS,
  camelCasePath,
  getResource,
  getResourceByEvent,
  getResourceByFhirType,
  isResourcePath,
  ORIGINAL_RESOURCE_PATHS,
  type Ownership,
  PAGING_PARAMS,
  RESOURCES,
  type ResourceDefinition,
  type ResourcePath,
} from './registry.js';
export * from './schemas/allergy.js';
export * from './schemas/appointment.js';
export * from './schemas/assessment.js';
export * from './schemas/care-plan.js';
export * from './schemas/common.js';
export * from './schemas/condition.js';
export * from './schemas/consent.js';
export * from './schemas/document.js';
export * from './schemas/encounter.js';
export * from './schemas/goal.js';
export * from './schemas/immunization.js';
export {
  type ClinicalSearchParams,
  type GenericRecord,
  getResourceSchemas,
  type PagingParams,
  RESOURCE_SCHEMAS,
  type ResourceSchemas,
  type ResourceTypeMap,
  type ResourceTypes,
} from './schemas/index.js';
export * from './schemas/intake.js';
export * from './schemas/lab.js';
export * from './schemas/medication.js';
export * from './schemas/note.js';
export * from './schemas/observation.js';
export * from './schemas/patient.js';
export * from './schemas/practitioner.js';
export * from './schemas/practitioner-role.js';
export * from './schemas/prescription.js';
export * from './schemas/schedule.js';
export * from './schemas/slot.js';
export { formatPath, type ValidationResult, validate } from './validation.js';
export { type ChangeNotice, isChangeNotice } from './webhooks/notice.js';
export { type SignedWebhook, type SignWebhookOptions, signWebhook } from './webhooks/sign.js';
export { WEBHOOK_HEADERS, type WebhookAction, type WebhookEvent } from './webhooks/types.js';
export {
  ClinikWebhookError,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookErrorCode,
  type WebhookHeaders,
} from './webhooks/verify.js';
