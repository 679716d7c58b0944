import type { KeyInfo, KeyScope } from '../auth/keys.js';
import { adminAccess, printer } from './admin-access.js';
import { CliError, usageError } from './errors.js';
import { parseCommand, parseDuration } from './parse.js';
import { type KeyApi, remoteKeys } from './remote-keys.js';
import { storageOptions } from './storage.js';
import { KEYS_HELP } from './usage.js';

export interface KeysCommandIo {
  out(text: string): void;
  /** Notes for the person at the terminal (stderr), not part of the command's output. */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

type WithKeys = <T>(
  options: ReturnType<typeof storageOptions>,
  work: (keys: KeyApi) => Promise<T>,
) => Promise<T>;

const ENVS = new Set(['test', 'live']);
const SCOPES = new Set(['read', 'write', '*']);

/** `2026-11-30T15:20:11.123Z` -> `2026-11-30 15:20:11Z`; null -> `-`. */
const shortTime = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}Z` : '-');

function stateText(key: KeyInfo): string {
  if (key.state === 'rotating') return `rotating (works until ${shortTime(key.revokedAt)})`;
  return key.replacedBy ? `${key.state} (replaced by ${key.replacedBy})` : key.state;
}

/** The `keys list` table: one row per key, columns padded to their widest cell. */
export function keysTable(keys: readonly KeyInfo[]): string {
  const header = [
    'ID',
    'ENV',
    'SCOPE',
    'KEY',
    'CREATED',
    'LAST USED',
    'LAST 60 S',
    'THIS MONTH',
    'EXPIRES',
    'STATE',
  ];
  const rows = keys.map((k) => [
    k.id,
    k.env,
    k.scope,
    k.hint,
    shortTime(k.createdAt),
    shortTime(k.lastUsedAt),
    String(k.requestsInWindow),
    String(k.requestsThisMonth),
    k.expiresAt ? shortTime(k.expiresAt) : 'never',
    stateText(k),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((cells) =>
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

/** `clinik-sandbox keys create|list|revoke|rotate`. */
export async function keysCommand(
  args: string[],
  io: KeysCommandIo,
  withSandbox: WithKeys,
): Promise<void> {
  const { values, positionals } = parseCommand('keys', args, {
    org: { type: 'string' },
    env: { type: 'string' },
    scope: { type: 'string' },
    'expires-in': { type: 'string' },
    grace: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, ...rest] = positionals;
  if (values.help || action === undefined) return io.out(KEYS_HELP);
  if (values.memory)
    throw usageError('keys: --memory keeps nothing; use --data-dir or --database-url');
  const storage = storageOptions(values, io.env);
  const print = printer(io.out, values.json);
  const withKeys = adminAccess<KeyApi>(
    storage,
    remoteKeys,
    (work) => withSandbox(storage, work),
    (text) => io.err(text),
  );
  const expiresIn = values['expires-in'];
  const expiresAt = expiresIn ? new Date(Date.now() + parseDuration(expiresIn)) : undefined;

  if (action === 'create') {
    if (!values.org) throw usageError('keys create: --org is required');
    if (!values.env || !ENVS.has(values.env))
      throw usageError('keys create: --env must be test or live');
    const scope = values.scope ?? '*';
    if (!SCOPES.has(scope)) throw usageError('keys create: --scope must be read, write or *');
    const org = values.org;
    const env = values.env as 'test' | 'live';
    await withKeys(
      async (keyApi) => {
        const created = await keyApi.create({
          org,
          env,
          scope: scope as KeyScope,
          ...(expiresAt ? { expiresAt } : {}),
        });
        print(
          `Key ${created.id} for ${org} (${env}, scope ${scope}). Shown once, store it now:\n${created.key}\n`,
          created,
        );
      },
      { creates: true },
    );
    return;
  }
  if (action === 'list') {
    if (!values.org) throw usageError('keys list: --org is required');
    const org = values.org;
    await withKeys(async (keyApi) => {
      const list = await keyApi.list(org);
      print(list.length > 0 ? `${keysTable(list)}\n` : `No keys for ${org}\n`, list);
    });
    return;
  }
  if (action === 'revoke') {
    const [id] = rest;
    if (!id) throw usageError('keys revoke: give the key id (see keys list)');
    await withKeys(async (keyApi) => {
      if (!(await keyApi.revoke(id))) throw new CliError(`No key with id ${id}`);
      print(`Revoked ${id}\n`, { id, revoked: true });
    });
    return;
  }
  if (action === 'rotate') {
    const [id] = rest;
    if (!id) throw usageError('keys rotate: give the key id (see keys list)');
    const grace = values.grace ?? '24h';
    const graceMs = parseDuration(grace, 'grace');
    await withKeys(async (keyApi) => {
      let rotated: Awaited<ReturnType<KeyApi['rotate']>>;
      try {
        rotated = await keyApi.rotate(id, { graceMs, ...(expiresAt ? { expiresAt } : {}) });
      } catch (error) {
        if (error instanceof TypeError) throw new CliError(error.message);
        throw error;
      }
      if (!rotated) throw new CliError(`No key with id ${id}`);
      print(
        `Key ${rotated.id} replaces ${id}. Shown once, store it now:\n${rotated.key}\n` +
          `${id} keeps working until ${rotated.oldKeyUntil} (grace ${grace}), then answers 401 KEY_REVOKED.\n`,
        rotated,
      );
    });
    return;
  }
  throw usageError(`keys: unknown action "${action}". Run "clinik-sandbox keys --help".`);
}
