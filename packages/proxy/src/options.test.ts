import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClinikProxyError } from './errors.js';
import { staff } from './policies/policies.js';
import { clinikProxy } from './proxy.js';
import { fakeLiveKey, TEST_KEY } from './test/fake-upstream.js';
import type { ClinikProxyOptions } from './types.js';

const valid: ClinikProxyOptions = {
  target: 'https://api.clinikapi.com',
  apiKey: TEST_KEY,
  authenticate: () => null,
  authorize: staff(),
  logger: false,
};

function creationError(options: unknown): ClinikProxyError {
  try {
    clinikProxy(options as ClinikProxyOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ClinikProxyError);
    return error as ClinikProxyError;
  }
  throw new Error('clinikProxy did not throw');
}

describe('clinikProxy options', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('returns a named middleware function for valid options', () => {
    const middleware = clinikProxy(valid);
    expect(typeof middleware).toBe('function');
    expect(middleware.name).toBe('clinikProxyMiddleware');
  });

  it('requires target, apiKey, authenticate and authorize', () => {
    for (const missing of ['target', 'apiKey', 'authenticate', 'authorize'] as const) {
      const error = creationError({ ...valid, [missing]: undefined });
      expect(error.code).toBe('ERR_CLINIK_MISSING_OPTION');
      expect(error.message).toContain(missing);
    }
  });

  it('rejects unknown options with a typo hint', () => {
    const error = creationError({ ...valid, authorise: staff() });
    expect(error.code).toBe('ERR_CLINIK_UNKNOWN_OPTION');
    expect(error.message).toContain('did you mean "authorize"');
    expect(creationError({ ...valid, limits: { bodyByte: 5 } }).message).toContain('"bodyBytes"');
  });

  it('names the dispatcher option when given the old agent option or a non-dispatcher', () => {
    const renamed = creationError({ ...valid, agent: {} });
    expect(renamed.code).toBe('ERR_CLINIK_UNKNOWN_OPTION');
    expect(renamed.message).toContain('did you mean "dispatcher"');
    const invalid = creationError({ ...valid, dispatcher: { request: () => {} } });
    expect(invalid.code).toBe('ERR_CLINIK_INVALID_OPTION');
    expect(invalid.message).toContain('undici Dispatcher');
  });

  it('refuses keys of the wrong format without printing them', () => {
    const secret = 'sk_live_supersecretvalue123';
    const error = creationError({ ...valid, apiKey: secret });
    expect(error.code).toBe('ERR_CLINIK_INVALID_KEY_FORMAT');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('supersecret');
  });

  it('never prints an option value, even for an unknown option holding a key', () => {
    const error = creationError({ ...valid, [TEST_KEY]: true });
    expect(error.message).not.toContain(TEST_KEY);
  });

  it('refuses bad targets', () => {
    expect(creationError({ ...valid, target: 'not a url' }).code).toBe('ERR_CLINIK_INVALID_TARGET');
    expect(creationError({ ...valid, target: 'ftp://x' }).code).toBe('ERR_CLINIK_INVALID_TARGET');
    expect(creationError({ ...valid, target: 'https://u:p@x' }).code).toBe(
      'ERR_CLINIK_INVALID_TARGET',
    );
  });

  it('refuses a test key and an http target in production unless allowed', () => {
    vi.stubEnv('NODE_ENV', 'production');
    expect(creationError(valid).code).toBe('ERR_CLINIK_TEST_KEY_IN_PRODUCTION');
    expect(creationError(valid).message).not.toContain(TEST_KEY);
    const live = { ...valid, apiKey: fakeLiveKey('options') };
    expect(() => clinikProxy(live)).not.toThrow();
    expect(creationError({ ...live, target: 'http://127.0.0.1:1' }).code).toBe(
      'ERR_CLINIK_INSECURE_TARGET',
    );
    expect(() =>
      clinikProxy({
        ...valid,
        target: 'http://127.0.0.1:1',
        allowTestKeyInProduction: true,
        allowInsecureTargetInProduction: true,
      }),
    ).not.toThrow();
  });

  it('validates nested option types', () => {
    expect(creationError({ ...valid, timeouts: { upstreamMs: -1 } }).code).toBe(
      'ERR_CLINIK_INVALID_OPTION',
    );
    expect(creationError({ ...valid, rateLimit: { limit: 1.5 } }).code).toBe(
      'ERR_CLINIK_INVALID_OPTION',
    );
    expect(creationError({ ...valid, logger: { info() {} } }).code).toBe(
      'ERR_CLINIK_INVALID_OPTION',
    );
    expect(creationError({ ...valid, mountPath: 'api' }).code).toBe('ERR_CLINIK_INVALID_OPTION');
    expect(creationError({ ...valid, authenticate: 'yes' }).code).toBe('ERR_CLINIK_INVALID_OPTION');
  });
});
