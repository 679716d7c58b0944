import { environmentOfKey, isKeyFormat, type KeyStore } from '../auth/keys.js';
import { readEnvFile, writeEnvFile } from './env-file.js';
import { CliError, usageError } from './errors.js';

/** The environment variable `serve` reads a fixed key from (when `--key` is not given). */
export const KEY_ENV_VAR = 'CLINIK_SANDBOX_KEY';
/** The variable `serve --env-file` writes by default: what the proxy snippets read. */
export const DEFAULT_ENV_FILE_VAR = 'CLINIKAPI_SECRET_KEY';
/** The variable `serve --dotenv` writes the sandbox's URL to: what the proxy snippets read as `target`. */
export const DEFAULT_URL_VAR = 'CLINIKAPI_URL';

const FORMAT_HINT =
  'clk_test_ or clk_live_ followed by 16-128 letters or digits (the sandbox issues clk_test_ + 32)';

export interface ServeKeyOptions {
  /** `--key`, else the `CLINIK_SANDBOX_KEY` environment variable. */
  fixed?: { key: string; source: string } | undefined;
  /** `--env-file` and the variable in it (`--env-var`). */
  envFile?: { path: string; name: string } | undefined;
  org: string;
}

/**
 * The fixed key of `serve`: `--key`, else `CLINIK_SANDBOX_KEY` (an empty value counts as unset).
 * A value of another format is a usage error that names its source, never the value (it may be a
 * real secret typed in the wrong place).
 */
export function fixedKeyOf(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): ServeKeyOptions['fixed'] {
  const [key, source] =
    flag !== undefined ? [flag, '--key'] : [env[KEY_ENV_VAR], `the ${KEY_ENV_VAR} variable`];
  if (key === undefined || (flag === undefined && key === '')) return undefined;
  if (!isKeyFormat(key)) throw usageError(`${source} must be ${FORMAT_HINT}`);
  return { key, source };
}

type Say = (text: string) => void;

/**
 * Makes sure `serve`'s organization has a working key, and records it in the env file:
 * 1. a fixed key (`--key`, `CLINIK_SANDBOX_KEY`) is used as is: registered (scope `*`, the
 *    environment of its prefix) when the database does not know it; one that is revoked, expired
 *    or another organization's is an error;
 * 2. else a valid key already in the env file is reused the same way (registered after a
 *    `--memory` restart, so the app's key keeps working); a revoked or expired one is replaced;
 * 3. else a new test key is created: printed once when there is no env file, written to it when
 *    there is one; without an env file, an organization that has keys gets none.
 * Resolves the key's environment (`test` unless a fixed `clk_live_` key is used).
 */
export async function ensureServeKey(
  keys: KeyStore,
  options: ServeKeyOptions,
  say: Say,
): Promise<'test' | 'live'> {
  const { fixed, envFile, org } = options;
  const fromFile = envFile ? readEnvFile(envFile.path, envFile.name) : undefined;
  const candidates = [
    ...(fixed ? [{ ...fixed, strict: true }] : []),
    ...(fromFile !== undefined && isKeyFormat(fromFile)
      ? [{ key: fromFile, source: `${envFile?.name} in ${envFile?.path}`, strict: false }]
      : []),
  ];
  let key: string | undefined;
  for (const candidate of candidates) {
    const known = await keys.find(candidate.key);
    if (known && known.org !== org) {
      throw new CliError(
        `The key from ${candidate.source} belongs to organization ${known.org}, not ${org}: pass --org ${known.org} or another key`,
      );
    }
    if (known && (known.state === 'revoked' || known.state === 'expired')) {
      if (candidate.strict) {
        throw new CliError(`The key from ${candidate.source} is ${known.state}: pass another key`);
      }
      say(`The key in ${envFile?.path} is ${known.state}: replacing it\n`);
      continue;
    }
    if (!known) {
      const env = environmentOfKey(candidate.key);
      const { id } = await keys.create({ org, env, scope: '*', key: candidate.key });
      say(`Registered the key from ${candidate.source} for ${org} as ${id} (${env}, scope *)\n`);
    }
    key = candidate.key;
    break;
  }
  if (key === undefined && (envFile || (await keys.list(org)).length === 0)) {
    const created = await keys.create({ org, env: 'test', scope: '*' });
    key = created.key;
    if (envFile) say(`Created a test key ${created.id} for ${org}\n`);
    else say(`Created a test key for ${org} (shown once, store it now): ${created.key}\n`);
  }
  if (envFile && key !== undefined) {
    const done = writeEnvFile(envFile.path, envFile.name, key);
    if (done !== 'unchanged') say(`Wrote ${envFile.name} to ${envFile.path} (${done})\n`);
  }
  return key === undefined ? 'test' : environmentOfKey(key);
}
