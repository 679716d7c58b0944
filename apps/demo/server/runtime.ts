import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClinikClient } from '@clinikapi/core';
import { createSandbox, type Sandbox } from '@clinikapi/sandbox';
import type { DemoDirectory } from './users.js';

export interface DemoRuntime {
  /** Data API origin the proxy forwards to. */
  target: string;
  apiKey: string;
  directory: DemoDirectory;
  /** True when the data API is the local sandbox started here. */
  localSandbox: boolean;
  close(): Promise<void>;
}

interface SandboxState {
  apiKey: string;
  portalPatientId: string;
}

export const DEMO_ORG = 'org_demo';

/**
 * Connects to the real API when CLINIKAPI_URL and CLINIKAPI_SECRET_KEY are set; otherwise starts a
 * file-backed sandbox in `dataDir`, seeding it and creating a test key on the first start only.
 */
export async function startRuntime(dataDir: string, env: NodeJS.ProcessEnv): Promise<DemoRuntime> {
  if (env.CLINIKAPI_URL || env.CLINIKAPI_SECRET_KEY) {
    if (!env.CLINIKAPI_URL || !env.CLINIKAPI_SECRET_KEY) {
      throw new Error(
        'Set both CLINIKAPI_URL and CLINIKAPI_SECRET_KEY to use the real API (or neither for the sandbox)',
      );
    }
    return {
      target: env.CLINIKAPI_URL,
      apiKey: env.CLINIKAPI_SECRET_KEY,
      directory: { portalPatientId: env.DEMO_PORTAL_PATIENT_ID || undefined },
      localSandbox: false,
      close: async () => {},
    };
  }

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const sandbox = await createSandbox({ dataDir: join(dataDir, 'sandbox') });
  const { url } = await sandbox.listen(Number(env.SANDBOX_PORT ?? 0));
  const state = (await readState(dataDir)) ?? (await firstStart(sandbox, url, dataDir));
  return {
    target: url,
    apiKey: state.apiKey,
    directory: { portalPatientId: state.portalPatientId },
    localSandbox: true,
    close: () => sandbox.close(),
  };
}

const stateFile = (dataDir: string) => join(dataDir, 'demo-state.json');

async function readState(dataDir: string): Promise<SandboxState | undefined> {
  try {
    return JSON.parse(await readFile(stateFile(dataDir), 'utf8')) as SandboxState;
  } catch {
    return undefined;
  }
}

async function firstStart(sandbox: Sandbox, url: string, dataDir: string): Promise<SandboxState> {
  process.stdout.write('First start: seeding the sandbox with a demo clinic...\n');
  const { key } = await sandbox.keys.create({ org: DEMO_ORG, env: 'test', scope: '*' });
  await sandbox.seed({ org: DEMO_ORG, env: 'test', patients: 120 });
  const client = createClinikClient({ baseUrl: url, apiKey: key });
  const portalPatient = await client.patients.create({
    firstName: 'Jordan',
    lastName: 'Rivera',
    gender: 'other',
    birthDate: '1988-04-12',
    email: 'jordan.rivera@example.org',
    phone: '+1 555 0142',
    address: {
      line: ['12 Elm Street'],
      city: 'Springfield',
      state: 'IL',
      postalCode: '62701',
      country: 'US',
    },
  });
  const state: SandboxState = { apiKey: key, portalPatientId: portalPatient.id };
  // The key is this server's secret, like an environment variable: readable by the owner only.
  await writeFile(stateFile(dataDir), JSON.stringify(state), { mode: 0o600 });
  await chmod(stateFile(dataDir), 0o600);
  return state;
}
