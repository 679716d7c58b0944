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
  /** Signing secret of the webhook endpoint that points at this server (live updates), if any. */
  webhookSecret: string | undefined;
  close(): Promise<void>;
}

interface SandboxState {
  apiKey: string;
  portalPatientId: string;
  /** The sandbox delivers webhooks here; re-registered when the demo's port changes. */
  webhook?: { url: string; endpointId: string; secret: string };
}

export const DEMO_ORG = 'org_demo';

/**
 * Connects to the real API when CLINIKAPI_URL and CLINIKAPI_SECRET_KEY are set; otherwise starts a
 * file-backed sandbox in `dataDir`, seeding it and creating a test key on the first start only.
 */
export async function startRuntime(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  /** Where the demo's proxy receives webhooks, e.g. http://127.0.0.1:3000/api/clinik/webhooks. */
  webhookUrl: string,
): Promise<DemoRuntime> {
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
      webhookSecret: env.CLINIKAPI_WEBHOOK_SECRET || undefined,
      close: async () => {},
    };
  }

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const sandbox = await createSandbox({ dataDir: join(dataDir, 'sandbox') });
  const { url } = await sandbox.listen(Number(env.SANDBOX_PORT ?? 0));
  const state = (await readState(dataDir)) ?? (await firstStart(sandbox, url, dataDir));
  const webhook = await ensureWebhook(sandbox, state, webhookUrl, dataDir);
  return {
    target: url,
    apiKey: state.apiKey,
    directory: { portalPatientId: state.portalPatientId },
    localSandbox: true,
    webhookSecret: webhook.secret,
    close: () => sandbox.close(),
  };
}

const stateFile = (dataDir: string) => join(dataDir, 'demo-state.json');

/** Points the sandbox's webhooks at this server, keeping the endpoint across restarts on the same port. */
async function ensureWebhook(sandbox: Sandbox, state: SandboxState, url: string, dataDir: string) {
  const existing = state.webhook;
  const endpoints = await sandbox.webhooks.list(DEMO_ORG);
  if (existing && existing.url === url && endpoints.some((e) => e.id === existing.endpointId))
    return existing;
  if (existing) await sandbox.webhooks.remove(existing.endpointId);
  const { endpoint, secret } = await sandbox.webhooks.add({
    org: DEMO_ORG,
    env: 'test',
    url,
    events: ['*'],
  });
  state.webhook = { url, endpointId: endpoint.id, secret };
  await writeState(dataDir, state);
  return state.webhook;
}

async function writeState(dataDir: string, state: SandboxState): Promise<void> {
  // The key and secret are this server's secrets, like environment variables: owner-readable only.
  await writeFile(stateFile(dataDir), JSON.stringify(state), { mode: 0o600 });
  await chmod(stateFile(dataDir), 0o600);
}

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
  await writeState(dataDir, state);
  return state;
}
