import { errorBody } from '@clinikapi/core';
import { SAFETY_HEADERS } from './headers.js';

/** Response headers as the pipeline builds them (lower-case names). */
export type ReplyHeaders = Record<string, string | number | readonly string[]>;

/** Per-request state shared by the stages, the error writer and the audit line. */
export interface RequestState {
  requestId: string;
  /** Wall-clock start (ms since epoch). */
  startedAt: number;
  /** Monotonic start, for the duration. */
  startedAtMonotonic: number;
  method: string;
  userId: string | null;
  route: string | null;
  resourceId: string | null;
  /** Machine code when the proxy answered itself. */
  error: string | null;
  /** The widget action a request came in as (actions endpoint), else `null`. */
  action: string | null;
  /** The rate-limit store was unavailable and the request went through uncounted (fail open). */
  unlimited: boolean;
  /** Headers every response of this request carries (request id, per-user rate limit). */
  ownHeaders: ReplyHeaders;
}

/**
 * Where a streamed reply writes (the event stream). The node mount writes straight to the
 * `ServerResponse`; the fetch mount to a `ReadableStream`.
 */
export interface StreamSink {
  /** Writes one frame and flushes it (no buffering in compression middleware or the runtime). */
  write(text: string): void;
  /** Bytes written but not yet taken by the client. */
  readonly buffered: number;
  end(): void;
  /** Drops the client (it reconnects). */
  destroy(): void;
  /** Called once when the client goes away or the stream ends. */
  onClose(listener: () => void): void;
}

/** A body produced frame by frame (Server-Sent Events). */
export interface StreamSource {
  open(sink: StreamSink): void;
}

/**
 * What the pipeline answers, before a mount turns it into a `Response` (fetch) or writes it to a
 * `ServerResponse` (node). Building a `Response` per request costs about 40-70 µs of CPU on Node 20
 * (undici wraps the body in a stream); the node mount skips that.
 */
export interface Reply {
  status: number;
  headers: ReplyHeaders;
  body: Buffer | StreamSource | null;
  state: RequestState | undefined;
}

/** A contract-shaped error (`{error, message, code, requestId}`). Messages never hold input values. */
export function errorReply(
  state: RequestState,
  status: number,
  error: string,
  message: string,
  headers: ReplyHeaders = {},
): Reply {
  state.error = error;
  const body = Buffer.from(
    JSON.stringify(errorBody(status, error, message, { requestId: state.requestId })),
  );
  return {
    status,
    headers: {
      ...state.ownHeaders,
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
      ...SAFETY_HEADERS,
    },
    body,
    state,
  };
}

/** A JSON reply that is not an error (webhook acknowledgements). */
export function jsonReply(
  state: RequestState | undefined,
  status: number,
  value: unknown,
  headers: ReplyHeaders = {},
): Reply {
  const body = Buffer.from(JSON.stringify(value));
  return {
    status,
    headers: {
      ...(state?.ownHeaders ?? {}),
      ...headers,
      'content-type': 'application/json; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-store',
      ...SAFETY_HEADERS,
    },
    body,
    state,
  };
}
