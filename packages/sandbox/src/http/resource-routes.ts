import type { ResourceEngine } from '../engine/engine.js';
import { readJsonBody } from './body.js';
import type { ApiCall } from './call.js';
import { HttpError, notFound } from './http-error.js';
import { etagOf, parseIfMatch } from './if-match.js';
import { sendEnvelope, sendNoContent } from './respond.js';

export const methodNotAllowed = (method: string, allowed: string) =>
  new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on this route`, undefined, {
    Allow: allowed,
  });

/**
 * `/v1/{path}` and `/v1/{path}/{id}` for every registered resource. Single-record responses carry
 * `ETag: W/"<version>"`; PATCH and DELETE honour `If-Match` (412 PRECONDITION_FAILED when the
 * record has moved on; no `If-Match` means last write wins).
 */
export async function handleResourceCall(
  engine: ResourceEngine,
  path: string,
  call: ApiCall,
): Promise<void> {
  const adapter = engine.adapters.get(path);
  if (!adapter || call.segments.length > 1) throw notFound(`No route for /v1/${path}`);
  const [id] = call.segments;
  const { ctx, res, method, scope } = call;

  if (id === undefined) {
    ctx.route = `/v1/${path}`;
    if (method === 'GET') {
      return sendEnvelope(res, ctx, 200, await engine.search(scope, adapter, call.query));
    }
    if (method === 'POST') {
      const body = await readJsonBody(call.req);
      const { record, version } = await engine.create(scope, adapter, body);
      res.setHeader('ETag', etagOf(version));
      return sendEnvelope(res, ctx, 201, record);
    }
    throw methodNotAllowed(method, 'GET, POST');
  }

  ctx.route = `/v1/${path}/:id`;
  // As the API documents them: audit events and immunization recommendations have no PATCH.
  const allowed: readonly string[] = adapter.definition.itemMethods;
  if (!allowed.includes(method)) throw methodNotAllowed(method, allowed.join(', '));
  if (method === 'GET') {
    const { record, version } = await engine.read(scope, adapter, id);
    res.setHeader('ETag', etagOf(version));
    return sendEnvelope(res, ctx, 200, record);
  }
  const precondition = parseIfMatch(call.req.headers['if-match']);
  if (method === 'PATCH') {
    const body = await readJsonBody(call.req);
    const { record, version } = await engine.update(scope, adapter, id, body, precondition);
    res.setHeader('ETag', etagOf(version));
    return sendEnvelope(res, ctx, 200, record);
  }
  if (method === 'DELETE') {
    await engine.remove(scope, adapter, id, precondition);
    return sendNoContent(res);
  }
  throw methodNotAllowed(method, allowed.join(', '));
}
