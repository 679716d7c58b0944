import {
  ClinikApiError,
  ClinikNetworkError,
  ClinikRateLimitError,
  ClinikTimeoutError,
} from '@clinikapi/core/client';
import type { ClinikMessages } from '../messages.js';

/**
 * What a failed call means for the user, when it means something specific: signed out (401),
 * not allowed (403), rate limited (429, with the API's `Retry-After` in seconds), the service
 * unavailable (5xx, timeout) or no connection. `undefined` for anything else (a component's own
 * message says it). Never includes the error's text, which may name fields or values.
 */
export function errorText(error: unknown, messages: ClinikMessages): string | undefined {
  if (error instanceof ClinikRateLimitError) return messages.errorRateLimited(error.retryAfter);
  if (error instanceof ClinikNetworkError) return messages.errorOffline;
  if (error instanceof ClinikTimeoutError) return messages.errorUnavailable;
  if (!(error instanceof ClinikApiError)) return undefined;
  if (error.status === 401) return messages.errorSignedOut;
  if (error.status === 403) return messages.errorForbidden;
  if (error.status >= 500) return messages.errorUnavailable;
  return undefined;
}
