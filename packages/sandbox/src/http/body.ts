import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** The contract's request body cap. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Beyond this, an oversize body is cut off rather than read to its end. */
const DRAIN_LIMIT_BYTES = 16 * MAX_BODY_BYTES;

const tooLarge = () =>
  new HttpError(
    413,
    'PAYLOAD_TOO_LARGE',
    `Request body exceeds ${MAX_BODY_BYTES} bytes`,
    undefined,
    {
      Connection: 'close',
    },
  );

/** Reads the raw body, refusing more than 1 MB (by Content-Length up front, or while streaming). */
export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let oversize = false;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) oversize = true;
    // Keep draining (up to a point) so the client sees the 413 instead of a reset connection.
    if (size > DRAIN_LIMIT_BYTES) {
      req.destroy();
      break;
    }
    if (!oversize) chunks.push(chunk);
  }
  if (oversize) throw tooLarge();
  return Buffer.concat(chunks);
}

/** Reads and parses a JSON body. Frameworks that parsed it already (`req.body`) are respected. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const preParsed = (req as IncomingMessage & { body?: unknown }).body;
  if (req.readableEnded && preParsed !== undefined) return preParsed;
  const raw = await readRawBody(req);
  const text = raw.toString('utf8').trim();
  if (text.length === 0) throw new HttpError(400, 'INVALID_JSON', 'Request body is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'Request body is not valid JSON');
  }
}
