import type { SandboxWebhooks } from '../webhooks/index.js';
import { adminAccess, printer } from './admin-access.js';
import { CliError, usageError } from './errors.js';
import { parseCommand, parseDuration, positiveInt } from './parse.js';
import { remoteWebhooks } from './remote-webhooks.js';
import { storageOptions } from './storage.js';
import { WEBHOOKS_HELP } from './usage.js';

export interface WebhooksCommandIo {
  out(text: string): void;
  /** Notes for the person at the terminal (stderr), not part of the command's output. */
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

type WithSandbox = <T>(
  options: ReturnType<typeof storageOptions>,
  work: (webhooks: SandboxWebhooks) => Promise<T>,
) => Promise<T>;

/** `clinik-sandbox webhooks add|list|remove|rotate|deliveries`. */
export async function webhooksCommand(
  args: string[],
  io: WebhooksCommandIo,
  withSandbox: WithSandbox,
): Promise<void> {
  const { values, positionals } = parseCommand('webhooks', args, {
    org: { type: 'string' },
    env: { type: 'string' },
    url: { type: 'string' },
    events: { type: 'string' },
    endpoint: { type: 'string' },
    grace: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, ...rest] = positionals;
  if (values.help || action === undefined) return io.out(WEBHOOKS_HELP);
  if (values.memory)
    throw usageError('webhooks: --memory keeps nothing; use --data-dir or --database-url');
  const storage = storageOptions(values, io.env);
  const print = printer(io.out, values.json);
  const withWebhooks = adminAccess(
    storage,
    remoteWebhooks,
    (work) => withSandbox(storage, work),
    (text) => io.err(text),
  );

  if (action === 'add') {
    if (!values.org) throw usageError('webhooks add: --org is required');
    if (!values.url) throw usageError('webhooks add: --url is required');
    const env = values.env ?? 'test';
    if (env !== 'test' && env !== 'live')
      throw usageError('webhooks add: --env must be test or live');
    const events = (values.events ?? '*').split(',').map((e) => e.trim());
    const { org, url } = values;
    await withWebhooks(
      async (api) => {
        let added: Awaited<ReturnType<SandboxWebhooks['add']>>;
        try {
          added = await api.add({ org, env, url, events });
        } catch (error) {
          if (error instanceof TypeError) throw usageError(`webhooks add: ${error.message}`);
          throw error;
        }
        print(
          `Endpoint ${added.endpoint.id} for ${org} (${env}) -> ${added.endpoint.url}, events ${added.endpoint.events.join(', ')}\n` +
            `Signing secret (shown once, store it now):\n${added.secret}\n`,
          added,
        );
      },
      { creates: true },
    );
    return;
  }
  if (action === 'list') {
    if (!values.org) throw usageError('webhooks list: --org is required');
    const { org } = values;
    await withWebhooks(async (api) => {
      const list = await api.list(org);
      const text = list
        .map((e) => `${e.id}  ${e.env}  ${e.url}  ${e.events.join(',')}  created ${e.createdAt}`)
        .join('\n');
      print(list.length > 0 ? `${text}\n` : `No webhook endpoints for ${org}\n`, list);
    });
    return;
  }
  if (action === 'remove') {
    const [id] = rest;
    if (!id) throw usageError('webhooks remove: give the endpoint id (see webhooks list)');
    await withWebhooks(async (api) => {
      if (!(await api.remove(id))) throw new CliError(`No webhook endpoint with id ${id}`);
      print(`Removed ${id}\n`, { id, removed: true });
    });
    return;
  }
  if (action === 'rotate') {
    const [id] = rest;
    if (!id) throw usageError('webhooks rotate: give the endpoint id (see webhooks list)');
    const graceSeconds = values.grace
      ? Math.round(parseDuration(values.grace, 'grace') / 1000)
      : 24 * 60 * 60;
    await withWebhooks(async (api) => {
      const rotated = await api.rotate(id, graceSeconds);
      if (!rotated) throw new CliError(`No webhook endpoint with id ${id}`);
      print(
        `New signing secret for ${id} (shown once; the old one keeps signing for ${graceSeconds} s):\n${rotated.secret}\n`,
        { id, ...rotated, graceSeconds },
      );
    });
    return;
  }
  if (action === 'deliveries') {
    const id = values.endpoint ?? rest[0];
    if (!id) throw usageError('webhooks deliveries: --endpoint is required');
    const limit = positiveInt('limit', values.limit, 50);
    await withWebhooks(async (api) => {
      const list = await api.deliveries(id, limit);
      const text = list
        .map((d) => {
          const last = d.log.at(-1);
          const outcome = last ? (last.error ?? `HTTP ${last.status}`) : 'not attempted yet';
          const next = d.nextAttemptAt ? `, next attempt ${d.nextAttemptAt}` : '';
          return `${d.id}  ${d.event}  ${d.status}  ${d.attempts} attempt(s), last: ${outcome}${next}`;
        })
        .join('\n');
      print(list.length > 0 ? `${text}\n` : `No deliveries for ${id}\n`, list);
    });
    return;
  }
  throw usageError(`webhooks: unknown action "${action}". Run "clinik-sandbox webhooks --help".`);
}
