import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyStore } from '../auth/keys.js';
import type { SandboxWebhooks } from '../webhooks/index.js';
import { readJsonBody } from './body.js';
import type { RequestContext } from './context.js';
import { HttpError, notFound } from './http-error.js';
import { sendJson } from './respond.js';

/**
 * `/_sandbox/keys...`: lets `clinik-sandbox keys` manage keys of a running `serve` (which holds the
 * embedded database). Only enabled with a token, which `serve` writes to its 0600 lock file.
 */
export async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  segments: readonly string[],
  admin: { token: string; keys: KeyStore; webhooks?: SandboxWebhooks | undefined },
): Promise<void> {
  ctx.route = '/_sandbox/keys';
  const given = Buffer.from(String(req.headers.authorization ?? ''));
  const expected = Buffer.from(`Bearer ${admin.token}`);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new HttpError(401, 'UNAUTHORIZED', 'Admin token required');
  }
  const [, resource, id, action] = segments;
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  if (resource === 'webhooks' && admin.webhooks) {
    return handleWebhookAdmin(req, res, ctx, method, url, id, action, admin.webhooks);
  }
  if (resource !== 'keys') throw notFound();
  try {
    if (method === 'GET' && id === undefined) {
      return sendJson(res, 200, await admin.keys.list(url.searchParams.get('org') ?? ''));
    }
    if (method === 'POST' && id === undefined) {
      const body = (await readJsonBody(req)) as Parameters<KeyStore['create']>[0];
      return sendJson(res, 201, await admin.keys.create(body));
    }
    if (method === 'POST' && id !== undefined && action === 'revoke') {
      ctx.route = '/_sandbox/keys/:id/revoke';
      return sendJson(res, 200, { revoked: await admin.keys.revoke(id) });
    }
    if (method === 'POST' && id !== undefined && action === 'rotate') {
      ctx.route = '/_sandbox/keys/:id/rotate';
      const body = (await readJsonBody(req)) as Parameters<KeyStore['rotate']>[1];
      const rotated = await admin.keys.rotate(id, body ?? {});
      if (!rotated) throw notFound('No such key');
      return sendJson(res, 200, rotated);
    }
  } catch (error) {
    if (error instanceof TypeError) throw new HttpError(400, 'BAD_REQUEST', error.message);
    throw error;
  }
  throw notFound();
}

/** `/_sandbox/webhooks...`: the CLI's `webhooks` commands against a running `serve`. */
async function handleWebhookAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RequestContext,
  method: string,
  url: URL,
  id: string | undefined,
  action: string | undefined,
  webhooks: SandboxWebhooks,
): Promise<void> {
  ctx.route = '/_sandbox/webhooks';
  try {
    if (method === 'GET' && id === undefined) {
      return sendJson(res, 200, await webhooks.list(url.searchParams.get('org') ?? ''));
    }
    if (method === 'POST' && id === undefined) {
      const body = (await readJsonBody(req)) as Parameters<SandboxWebhooks['add']>[0];
      return sendJson(res, 201, await webhooks.add(body));
    }
    if (id === undefined) throw notFound();
    ctx.route = `/_sandbox/webhooks/:id/${action ?? ''}`;
    if (method === 'POST' && action === 'remove') {
      return sendJson(res, 200, { removed: await webhooks.remove(id) });
    }
    if (method === 'POST' && action === 'rotate') {
      const body = (await readJsonBody(req)) as { graceSeconds?: number };
      const rotated = await webhooks.rotate(id, body?.graceSeconds);
      if (!rotated) throw notFound('No such webhook endpoint');
      return sendJson(res, 200, rotated);
    }
    if (method === 'GET' && action === 'deliveries') {
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return sendJson(res, 200, await webhooks.deliveries(id, Number.isFinite(limit) ? limit : 50));
    }
  } catch (error) {
    if (error instanceof TypeError) throw new HttpError(400, 'BAD_REQUEST', error.message);
    throw error;
  }
  throw notFound();
}
