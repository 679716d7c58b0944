import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Environment } from '../auth/keys.js';
import { isPlan } from '../limits/plans.js';
import { jsonLineLogger } from '../logger.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox.js';
import { ENV_VAR_NAME, writeEnvFile } from './env-file.js';
import { CliError, usageError } from './errors.js';
import { keysCommand } from './keys-command.js';
import { parseCommand, parseSearchLag, positiveInt } from './parse.js';
import { DEFAULT_ENV_FILE_VAR, DEFAULT_URL_VAR, ensureServeKey, fixedKeyOf } from './serve-key.js';
import { lockDataDir, storageOptions } from './storage.js';
import { MAIN_HELP, SEED_HELP, SERVE_HELP } from './usage.js';
import { webhooksCommand } from './webhooks-command.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); `serve` waits for it. */
  untilStopped: () => Promise<void>;
}

/** Opens storage (locking an embedded data directory), runs `work`, and always closes. */
async function withSandbox<T>(
  options: SandboxOptions,
  work: (sandbox: Sandbox, lock: { publish(url: string, token: string): void }) => Promise<T>,
): Promise<T> {
  const lock = options.dataDir
    ? lockDataDir(options.dataDir)
    : { publish: () => {}, release: () => {} };
  let sandbox: Sandbox | undefined;
  try {
    sandbox = await createSandbox(options);
    return await work(sandbox, lock);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(reason);
  } finally {
    await sandbox?.close().catch(() => {});
    lock.release();
  }
}

const ENVS = new Set(['test', 'live']);

/** `serve --seed` on a reused data directory must not add a second copy of the demo data. */
async function hasPatients(sandbox: Sandbox, org: string, env: Environment): Promise<boolean> {
  const { engine } = sandbox.internals;
  const page = await engine.search(
    { tenant: org, environment: env },
    engine.adapters.require('patients'),
    new URLSearchParams({ count: '1' }),
  );
  return page.total > 0;
}

async function serve(args: string[], io: CliIo): Promise<void> {
  const { values } = parseCommand('serve', args, {
    port: { type: 'string' },
    seed: { type: 'boolean' },
    plan: { type: 'string' },
    org: { type: 'string' },
    'search-lag': { type: 'string' },
    key: { type: 'string' },
    dotenv: { type: 'string' },
    // Same as --dotenv. Node 20 itself reads an --env-file argument anywhere on the command line
    // and exits when the file does not exist yet (nodejs/node#54232), hence --dotenv.
    'env-file': { type: 'string' },
    'env-var': { type: 'string' },
    'url-var': { type: 'string' },
  });
  if (values.help) return io.out(SERVE_HELP);
  const fixed = fixedKeyOf(values.key, io.env);
  if (
    values.dotenv !== undefined &&
    values['env-file'] !== undefined &&
    values.dotenv !== values['env-file']
  ) {
    throw usageError('--dotenv and --env-file name two files: give one');
  }
  const dotenv = values.dotenv ?? values['env-file'];
  const envVar = values['env-var'] ?? DEFAULT_ENV_FILE_VAR;
  const urlVar = values['url-var'] ?? DEFAULT_URL_VAR;
  for (const [flag, name] of [
    ['--env-var', envVar],
    ['--url-var', urlVar],
  ] as const) {
    if (!ENV_VAR_NAME.test(name)) {
      throw usageError(
        `${flag} must be a variable name: letters, digits and _, not starting with a digit`,
      );
    }
  }
  if (envVar === urlVar) throw usageError('--env-var and --url-var must differ');
  if (
    (values['env-var'] !== undefined || values['url-var'] !== undefined) &&
    dotenv === undefined
  ) {
    throw usageError(
      `${values['env-var'] !== undefined ? '--env-var' : '--url-var'} needs --dotenv`,
    );
  }
  if (dotenv === '') throw usageError('--dotenv needs a file path');
  const envFile = dotenv === undefined ? undefined : { path: resolve(dotenv), name: envVar };
  const searchLagMs = parseSearchLag(values['search-lag']);
  const port = positiveInt('port', values.port, 4010);
  if (port > 65535) throw usageError('--port must be at most 65535');
  const plan = values.plan ?? 'pro';
  if (!isPlan(plan))
    throw usageError('--plan must be one of sandbox, starter, pro, team, enterprise');
  const org = values.org ?? 'org_demo';
  const logger = jsonLineLogger((line) => io.out(line));

  const adminToken = randomBytes(24).toString('hex');
  const storage = storageOptions(values, io.env);
  await withSandbox(
    { ...storage, plan, logger, adminToken, searchLagMs },
    async (sandbox, lock) => {
      const env = await ensureServeKey(sandbox.internals.keys, { fixed, envFile, org }, (text) =>
        io.err(text),
      );
      if (values.seed && (await hasPatients(sandbox, org, env))) {
        io.err(`${org} already has data: not seeding again\n`);
      } else if (values.seed) {
        const result = await sandbox.seed({ org, env });
        io.err(
          `Seeded ${org}: ${result.patients} patients, ${result.slots} slots (${result.timeZone})\n`,
        );
      }
      let url: string;
      try {
        ({ url } = await sandbox.listen(port));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') {
          throw new CliError(
            `Port ${port} is already in use. Stop the other process or pass --port.`,
          );
        }
        throw error;
      }
      lock.publish(url, adminToken);
      if (envFile) {
        // The app's proxy reads its target from here too, so it talks to this sandbox.
        const done = writeEnvFile(envFile.path, urlVar, url);
        if (done !== 'unchanged') io.err(`Wrote ${urlVar} to ${envFile.path} (${done})\n`);
      }
      logger.info('listening', { url });
      io.err(`ClinikAPI sandbox listening on ${url} (Ctrl+C to stop)\n`);
      if (searchLagMs > 0) {
        io.err(`Search lags ${searchLagMs / 1000} s behind writes (reads by id are immediate)\n`);
      }
      await io.untilStopped();
    },
  );
}

async function seedCommand(args: string[], io: CliIo): Promise<void> {
  const { values } = parseCommand('seed', args, {
    patients: { type: 'string' },
    practitioners: { type: 'string' },
    weeks: { type: 'string' },
    'seed-value': { type: 'string' },
    'time-zone': { type: 'string' },
    'start-date': { type: 'string' },
    org: { type: 'string' },
    env: { type: 'string' },
  });
  if (values.help) return io.out(SEED_HELP);
  if (values.memory)
    throw usageError('seed: --memory keeps nothing; use --data-dir or --database-url');
  if (values.env !== undefined && !ENVS.has(values.env))
    throw usageError('seed: --env must be test or live');
  const startDate = values['start-date'];
  if (startDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(startDate)) {
    throw usageError('seed: --start-date must be YYYY-MM-DD');
  }
  const options = {
    patients: positiveInt('patients', values.patients, 200),
    practitioners: positiveInt('practitioners', values.practitioners, 5),
    weeks: positiveInt('weeks', values.weeks, 3, 1),
    seedValue: positiveInt('seed-value', values['seed-value'], 42),
    ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}),
    ...(startDate ? { startDate } : {}),
    ...(values.org ? { org: values.org } : {}),
    ...(values.env ? { env: values.env as 'test' | 'live' } : {}),
  };
  await withSandbox(storageOptions(values, io.env), async (sandbox) => {
    const result = await sandbox.seed(options);
    io.out(
      `Seeded ${result.org} (${result.env}): ${result.patients} patients, ${result.practitioners} practitioners, ` +
        `${result.slots} slots in ${result.timeZone}, ${result.appointments} appointments, ` +
        `${result.observations} observations\n`,
    );
  });
}

/** Runs the CLI; resolves the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(MAIN_HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === 'serve') await serve(args, io);
    else if (command === 'keys') {
      await keysCommand(args, io, (options, work) =>
        withSandbox(options, (sandbox) => work(sandbox.keys)),
      );
    } else if (command === 'seed') await seedCommand(args, io);
    else if (command === 'webhooks') {
      await webhooksCommand(args, io, (options, work) =>
        withSandbox(options, (sandbox) => work(sandbox.webhooks)),
      );
    } else throw usageError(`Unknown command "${command}". Run "clinik-sandbox --help".`);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`clinik-sandbox: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(
      `clinik-sandbox: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}
