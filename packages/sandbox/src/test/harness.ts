import { randomBytes } from 'node:crypto';
import type { CreateKeyOptions } from '../auth/keys.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox.js';

// biome-ignore lint/suspicious/noExplicitAny: tests assert on response bodies rather than type them
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestInitLite {
  key?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON tests). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/**
 * One sandbox on a real loopback port per test file (PGlite takes seconds to start). With
 * CLINIK_SANDBOX_TEST_DATABASE_URL set, every file runs against that Postgres server instead.
 */
export async function startTestSandbox(options: SandboxOptions = {}) {
  const server = process.env.CLINIK_SANDBOX_TEST_DATABASE_URL;
  const storage: SandboxOptions = server ? { databaseUrl: server } : { memory: true };
  const sandbox: Sandbox = await createSandbox({ ...storage, ...options });
  const { url } = await sandbox.listen();

  // biome-ignore lint/suspicious/noExplicitAny: as above
  async function request<T = any>(
    method: string,
    path: string,
    init: RequestInitLite = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.key) headers['x-api-key'] = init.key;
    let body: string | undefined;
    if (init.rawBody !== undefined) body = init.rawBody;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON bodies (NDJSON downloads) stay text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /** A fresh organization id, so tests in one file do not see each other's data. */
  const newOrg = (label = 'org') => `${label}_${randomBytes(6).toString('hex')}`;

  async function keyFor(org: string, options: Partial<CreateKeyOptions> = {}) {
    const { key } = await sandbox.keys.create({ org, env: 'test', scope: '*', ...options });
    return key;
  }

  return { sandbox, url, request, newOrg, keyFor, close: () => sandbox.close() };
}

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;

export const samplePatient = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+1 555 0100',
  gender: 'female',
  birthDate: '1985-12-10',
  ...overrides,
});
