/** Machine codes of {@link ClinikProxyError}. */
export type ClinikProxyErrorCode =
  | 'ERR_CLINIK_MISSING_OPTION'
  | 'ERR_CLINIK_UNKNOWN_OPTION'
  | 'ERR_CLINIK_INVALID_OPTION'
  | 'ERR_CLINIK_INVALID_TARGET'
  | 'ERR_CLINIK_INVALID_KEY_FORMAT'
  | 'ERR_CLINIK_TEST_KEY_IN_PRODUCTION'
  | 'ERR_CLINIK_INSECURE_TARGET'
  | 'ERR_CLINIK_JWT_CONFIG'
  | 'ERR_CLINIK_CLOSED';

/**
 * A misconfiguration of the proxy, thrown once when the middleware is created (never at request
 * time). Messages name the option but never contain the API key or any secret.
 */
export class ClinikProxyError extends Error {
  override name = 'ClinikProxyError';
  readonly code: ClinikProxyErrorCode;

  constructor(code: ClinikProxyErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * What a log line may say about an unexpected error: its class and its code (`TypeError`,
 * `ERR_INVALID_ARG_TYPE`), never its message, which may hold request data.
 */
export function describeError(error: unknown): { errorClass: string; errorCode: string | null } {
  const name = (error as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  const code = (error as { code?: unknown } | null)?.code;
  return {
    errorClass: typeof name === 'string' && /^[A-Za-z0-9_$]{1,64}$/.test(name) ? name : 'unknown',
    errorCode:
      (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(code)) || typeof code === 'number'
        ? String(code)
        : null,
  };
}
