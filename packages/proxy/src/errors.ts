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
