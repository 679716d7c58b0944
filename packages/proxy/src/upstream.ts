import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { Dispatcher } from 'undici';

export type UpstreamResult =
  | {
      kind: 'response';
      status: number;
      /** Lower-cased names; a repeated header is an array. */
      headers: IncomingHttpHeaders;
      body: Buffer;
    }
  | { kind: 'timeout' }
  /** Connection refused, reset or closed before a complete response; `cause` is the error code. */
  | { kind: 'network'; cause: string }
  | { kind: 'too-large' }
  /** Sent with an encoding the proxy cannot read (so cannot check). */
  | { kind: 'bad-encoding' }
  | { kind: 'aborted' };

export interface UpstreamRequest {
  target: URL;
  method: string;
  /** Validated path and query, e.g. `/v1/patients?name=a`. */
  pathAndQuery: string;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  dispatcher: Dispatcher;
  timeoutMs: number;
  maxResponseBytes: number;
  /**
   * Subscribes to the client going away (returns the unsubscribe function): the upstream call is
   * then abandoned.
   */
  onClientGone?: ((listener: () => void) => () => void) | undefined;
}

/**
 * One upstream exchange through undici's dispatcher API: about 35 µs less CPU per request than
 * `http.request` on these machines (see the README's benchmark). Redirects are never followed.
 */
export function sendUpstream(spec: UpstreamRequest): Promise<UpstreamResult> {
  const { target } = spec;
  const basePath = target.pathname.replace(/\/+$/, '');

  return new Promise((resolve) => {
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    const abort = () => controller?.abort(new Error('clinik-proxy abandoned the upstream call'));
    const finish = (result: UpstreamResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe?.();
      resolve(result);
    };

    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      abort();
    }, spec.timeoutMs);
    // A plain listener instead of an AbortController: cheaper on the hot path.
    const unsubscribe = spec.onClientGone?.(() => {
      finish({ kind: 'aborted' });
      abort();
    });

    let status = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let size = 0;
    const options = {
      origin: target.origin,
      method: spec.method as Dispatcher.HttpMethod,
      path: basePath + spec.pathAndQuery,
      headers: spec.headers as Record<string, string>,
      body: spec.body.length > 0 ? spec.body : null,
      // Even an app's dispatcher composed with undici's redirect interceptor must not follow
      // a redirect: it would carry the key to wherever the Location points.
      maxRedirections: 0,
    } as Dispatcher.DispatchOptions;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        // Timed out or abandoned while queued for a connection.
        if (settled) abort();
      },
      onResponseStart(_, statusCode, responseHeaders) {
        // Called again after any 1xx informational response: the last call is the answer.
        status = statusCode;
        headers = responseHeaders;
      },
      onResponseData(_, chunk) {
        size += chunk.length;
        if (size > spec.maxResponseBytes) {
          finish({ kind: 'too-large' });
          abort();
          return;
        }
        chunks.push(chunk);
      },
      onResponseEnd() {
        const raw = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
        const decoded = decode(raw, headers['content-encoding'], spec.maxResponseBytes);
        finish(
          decoded ? { kind: 'response', status, headers, body: decoded } : { kind: 'bad-encoding' },
        );
      },
      onResponseError(_, error) {
        finish({ kind: 'network', cause: causeOf(error) });
      },
    };
    // undici reports its own failures through onResponseError; an app's dispatcher might throw.
    try {
      spec.dispatcher.dispatch(options, handler);
    } catch (error) {
      finish({ kind: 'network', cause: causeOf(error) });
    }
  });
}

/** A short, safe description of a network failure: its code (`ECONNREFUSED`) or class name. */
export function causeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code)) return code;
  const name = (error as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(name) ? name : 'unknown';
}

/**
 * Decodes a content-encoded body so it can be scanned (bounded, against decompression bombs);
 * `undefined` for unknown encodings.
 */
function decode(
  body: Buffer,
  encoding: string | string[] | undefined,
  maxOutputLength: number,
): Buffer | undefined {
  if (Array.isArray(encoding)) return undefined;
  const value = (encoding ?? 'identity').trim().toLowerCase();
  try {
    if (value === 'identity' || value === '') return body;
    if (value === 'gzip' || value === 'x-gzip') return gunzipSync(body, { maxOutputLength });
    if (value === 'deflate') return inflateSync(body, { maxOutputLength });
    if (value === 'br') return brotliDecompressSync(body, { maxOutputLength });
  } catch {
    return undefined;
  }
  return undefined;
}
