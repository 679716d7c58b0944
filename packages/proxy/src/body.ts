import type { IncomingMessage } from 'node:http';

export type BodyResult =
  /** `json` is set when a parsed body was serialized again (its bytes are now UTF-8 JSON). */
  | { ok: true; body: Buffer; json?: true }
  | { ok: false; status: 400 | 408 | 413; error: string; message: string };

/** The exact bytes of a body (webhook signatures are computed over them). */
export type RawBody = Buffer | 'too-large' | 'consumed' | 'cut-off' | 'timeout';

/**
 * A request body as the pipeline reads it, whichever mount received the request: read at most
 * once, bounded in size and time.
 */
export interface BodySource {
  /** The body to forward: at most `limit` bytes within `timeoutMs`. */
  read(limit: number, timeoutMs: number): Promise<BodyResult>;
  /** The exact bytes (no re-serialization), or why they cannot be had. */
  raw(limit: number, timeoutMs: number): Promise<RawBody>;
  /** The body is not needed: drain it (node, keeps the connection reusable) or cancel it. */
  discard(): void;
}

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  status: 413,
  error: 'PAYLOAD_TOO_LARGE',
  message: `Request body is larger than ${limit} bytes`,
});
const cutOff: BodyResult = {
  ok: false,
  status: 400,
  error: 'BAD_REQUEST',
  message: 'Request body was cut off',
};
const tooSlow: BodyResult = {
  ok: false,
  status: 408,
  error: 'REQUEST_TIMEOUT',
  message: 'Request body took too long',
};

const EMPTY = Buffer.alloc(0);

function declaredTooLarge(contentLength: string | null | undefined, limit: number): boolean {
  const declared = Number(contentLength);
  return contentLength != null && Number.isFinite(declared) && declared > limit;
}

function toRaw(result: BodyResult): RawBody {
  if (result.ok) return result.body;
  if (result.status === 413) return 'too-large';
  return result.status === 408 ? 'timeout' : 'cut-off';
}

// ---------------------------------------------------------------------------------------------
// node:http and Express

type NodeRequest = IncomingMessage & { body?: unknown; rawBody?: unknown; _body?: boolean };

/** True when a body parser mounted earlier already read the request stream. */
export function bodyAlreadyRead(req: NodeRequest): boolean {
  return req._body === true || req.readableEnded || (req.complete && !req.readable);
}

/**
 * A node request's body. When a body parser (e.g. `express.json()`) already consumed the stream,
 * its parsed value is serialized again as JSON.
 */
export function nodeBody(req: NodeRequest): BodySource {
  return {
    read(limit, timeoutMs) {
      if (bodyAlreadyRead(req)) return Promise.resolve(parsedBody(req, limit));
      if (declaredTooLarge(req.headers['content-length'], limit)) {
        return Promise.resolve(tooLarge(limit));
      }
      return readNodeStream(req, limit, timeoutMs);
    },
    async raw(limit, timeoutMs) {
      if (req.readableEnded || req.body !== undefined) {
        // A body parser ran first. The exact bytes survive when the app kept them
        // (express.json({ verify }) into req.rawBody) or the parser was express.raw().
        const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : req.body;
        if (Buffer.isBuffer(raw)) return raw.length > limit ? 'too-large' : raw;
        if (typeof req.rawBody === 'string') return Buffer.from(req.rawBody);
        return 'consumed';
      }
      return toRaw(await readNodeStream(req, limit, timeoutMs));
    },
    discard() {
      // Bodies on GET/DELETE are not forwarded; draining keeps the connection reusable.
      if (!bodyAlreadyRead(req)) req.resume();
    },
  };
}

/**
 * The bytes to forward when a body parser already read the stream. JSON parsers hand over a
 * value that is serialized again; raw and text parsers hand over the bytes or the text.
 */
function parsedBody(req: NodeRequest, limit: number): BodyResult {
  const parsed = req.body;
  const declared = req.headers['content-length'];
  // express.json() turns an empty body into {}: an empty body stays empty (and is refused).
  if (parsed === undefined || declared === '0') return { ok: true, body: EMPTY };
  let bytes: Buffer;
  let json = false;
  if (Buffer.isBuffer(parsed)) bytes = parsed;
  else if (typeof parsed === 'string') {
    const text = Buffer.from(parsed);
    // express.text() keeps the text as sent; express.json({ strict: false }) hands over the
    // decoded string of a JSON string body ("abc" arrives as abc): tell them apart by length,
    // or, for chunked bodies, by whether the text is JSON at all.
    const asSent = declared !== undefined ? text.length === Number(declared) : isJsonText(parsed);
    if (asSent) bytes = text;
    else {
      bytes = Buffer.from(JSON.stringify(parsed));
      json = true;
    }
  } else {
    // Objects, arrays, numbers, booleans and null from a JSON parser.
    bytes = Buffer.from(JSON.stringify(parsed));
    json = true;
  }
  if (bytes.length > limit) return tooLarge(limit);
  return json ? { ok: true, body: bytes, json: true } : { ok: true, body: bytes };
}

function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function readNodeStream(
  req: IncomingMessage,
  limit: number,
  timeoutMs: number,
): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onError);
      if (!result.ok) {
        // Stop reading: the client is told the outcome and the connection is not reused.
        req.pause();
      }
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: size === 0 ? EMPTY : Buffer.concat(chunks) });
    const onError = () => finish(cutOff);
    const timer = setTimeout(() => finish(tooSlow), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}

// ---------------------------------------------------------------------------------------------
// Web Request (Next.js, Hono, Bun, Deno)

/** A Web `Request`'s body, read from its stream with the same limits and deadline. */
export function webBody(request: Request): BodySource {
  return {
    read(limit, timeoutMs) {
      if (declaredTooLarge(request.headers.get('content-length'), limit)) {
        void request.body?.cancel().catch(() => undefined);
        return Promise.resolve(tooLarge(limit));
      }
      return readWebStream(request, limit, timeoutMs);
    },
    async raw(limit, timeoutMs) {
      if (request.bodyUsed) return 'consumed';
      if (declaredTooLarge(request.headers.get('content-length'), limit)) return 'too-large';
      return toRaw(await readWebStream(request, limit, timeoutMs));
    },
    discard() {
      if (request.body && !request.bodyUsed) void request.body.cancel().catch(() => undefined);
    },
  };
}

async function readWebStream(
  request: Request,
  limit: number,
  timeoutMs: number,
): Promise<BodyResult> {
  if (request.bodyUsed) return cutOff;
  const stream = request.body;
  if (!stream) return { ok: true, body: EMPTY };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') {
        void reader.cancel().catch(() => undefined);
        return tooSlow;
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > limit) {
        void reader.cancel().catch(() => undefined);
        return tooLarge(limit);
      }
      chunks.push(next.value);
    }
  } catch {
    return cutOff;
  } finally {
    clearTimeout(timer);
  }
  if (size === 0) return { ok: true, body: EMPTY };
  return {
    ok: true,
    body: Buffer.concat(
      chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
      size,
    ),
  };
}

/** A body already in memory (an action's payload, serialized as UTF-8 JSON), read with the same limit. */
export function bufferBody(bytes: Buffer): BodySource {
  return {
    read: (limit) =>
      Promise.resolve(
        bytes.length > limit ? tooLarge(limit) : { ok: true, body: bytes, json: true },
      ),
    raw: (limit) => Promise.resolve(bytes.length > limit ? 'too-large' : bytes),
    discard() {},
  };
}
