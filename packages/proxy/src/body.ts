import type { IncomingMessage } from 'node:http';

export type BodyResult =
  /** `json` is set when a parsed body was serialized again (its bytes are now UTF-8 JSON). */
  | { ok: true; body: Buffer; json?: true }
  | { ok: false; status: 400 | 408 | 413; error: string; message: string };

const tooLarge = (limit: number): BodyResult => ({
  ok: false,
  status: 413,
  error: 'PAYLOAD_TOO_LARGE',
  message: `Request body is larger than ${limit} bytes`,
});

const EMPTY = Buffer.alloc(0);

/** True when a body parser mounted earlier already read the request stream. */
export function bodyAlreadyRead(req: IncomingMessage & { _body?: boolean }): boolean {
  return req._body === true || req.readableEnded || (req.complete && !req.readable);
}

/**
 * The request body as bytes, at most `limit` of them. When a body parser (e.g. `express.json()`)
 * already consumed the stream, its parsed value is serialized again as JSON.
 */
export function readBody(
  req: IncomingMessage & { body?: unknown; _body?: boolean },
  limit: number,
  timeoutMs: number,
): Promise<BodyResult> {
  if (bodyAlreadyRead(req)) {
    const parsed = req.body;
    if (parsed === undefined) return Promise.resolve({ ok: true, body: EMPTY });
    if (typeof parsed !== 'object' || Buffer.isBuffer(parsed) || parsed === null) {
      // A text/raw parser ran: forward what it kept when it is bytes or text.
      const bytes = Buffer.isBuffer(parsed) ? parsed : Buffer.from(String(parsed));
      return Promise.resolve(bytes.length > limit ? tooLarge(limit) : { ok: true, body: bytes });
    }
    const bytes = Buffer.from(JSON.stringify(parsed));
    return Promise.resolve(
      bytes.length > limit ? tooLarge(limit) : { ok: true, body: bytes, json: true },
    );
  }

  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(tooLarge(limit));

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
    const onError = () =>
      finish({ ok: false, status: 400, error: 'BAD_REQUEST', message: 'Request body was cut off' });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          status: 408,
          error: 'REQUEST_TIMEOUT',
          message: 'Request body took too long',
        }),
      timeoutMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onError);
  });
}
