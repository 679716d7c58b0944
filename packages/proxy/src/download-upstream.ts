import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { causeOf, type UpstreamRequest, type UpstreamResult } from './upstream.js';

/** Receives a streamed body chunk by chunk. */
export interface ChunkConsumer {
  data(chunk: Buffer): void;
  end(): void;
  /** The upstream broke off (`cause`: `TIMEOUT`, `ECONNRESET`...). */
  error(cause: string): void;
}

/** A 200 answer whose body has not been read yet: paused until `start`. */
export interface UpstreamStream {
  status: number;
  /** Lower-cased names. */
  headers: IncomingHttpHeaders;
  /** Delivers the body (chunks that arrived early first), then follows the upstream. */
  start(consumer: ChunkConsumer): void;
  pause(): void;
  resume(): void;
  /** Abandons the upstream call (client gone, limit reached, key found). */
  abort(): void;
}

export type StreamedResult = { kind: 'stream'; stream: UpstreamStream } | UpstreamResult;

/**
 * One upstream GET whose 200 body is streamed instead of buffered (bulk export downloads can be
 * larger than any response the proxy holds in memory). Any other status is read whole, bounded
 * by `maxResponseBytes`, as `sendUpstream` does, so the usual checks apply to it. Redirects are
 * never followed. `timeoutMs` bounds the wait for the response head, then each silence between
 * two chunks.
 */
export function openUpstreamStream(spec: UpstreamRequest): Promise<StreamedResult> {
  const basePath = spec.target.pathname.replace(/\/+$/, '');
  return new Promise((resolve) => {
    let settled = false;
    let controller: Dispatcher.DispatchController | undefined;
    let status = 0;
    let headers: IncomingHttpHeaders = {};
    let streaming = false;
    const early: Buffer[] = [];
    let outcome: { end: true } | { cause: string } | undefined;
    let consumer: ChunkConsumer | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const chunks: Buffer[] = [];
    let size = 0;

    const abort = () => controller?.abort(new Error('clinik-proxy abandoned the upstream call'));
    const settle = (result: StreamedResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe?.();
      resolve(result);
    };
    const finish = (result: { end: true } | { cause: string }) => {
      if (outcome) return;
      outcome = result;
      clearTimeout(idle);
      if (!consumer) return;
      if ('end' in result) consumer.end();
      else consumer.error(result.cause);
    };
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => {
        finish({ cause: 'TIMEOUT' });
        abort();
      }, spec.timeoutMs);
    };

    const timer = setTimeout(() => {
      settle({ kind: 'timeout' });
      abort();
    }, spec.timeoutMs);
    const unsubscribe = spec.onClientGone?.(() => {
      settle({ kind: 'aborted' });
      abort();
    });

    const stream: UpstreamStream = {
      get status() {
        return status;
      },
      get headers() {
        return headers;
      },
      start(next) {
        consumer = next;
        for (const chunk of early.splice(0)) next.data(chunk);
        if (outcome) {
          if ('end' in outcome) next.end();
          else next.error(outcome.cause);
          return;
        }
        controller?.resume();
      },
      pause: () => controller?.pause(),
      resume: () => controller?.resume(),
      abort() {
        clearTimeout(idle);
        outcome ??= { cause: 'ABANDONED' };
        abort();
      },
    };

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        if (settled) abort();
      },
      onResponseStart(started, statusCode, responseHeaders) {
        status = statusCode;
        headers = responseHeaders;
        if (statusCode !== 200) return;
        streaming = true;
        // Nothing more is read until the client's side is ready for it.
        started.pause();
        armIdle();
        settle({ kind: 'stream', stream });
      },
      onResponseData(_, chunk) {
        if (streaming) {
          if (outcome) return;
          armIdle();
          if (consumer) consumer.data(chunk);
          else early.push(chunk);
          return;
        }
        size += chunk.length;
        if (size > spec.maxResponseBytes) {
          settle({ kind: 'too-large' });
          abort();
          return;
        }
        chunks.push(chunk);
      },
      onResponseEnd() {
        if (streaming) return finish({ end: true });
        const encoding = String(headers['content-encoding'] ?? 'identity')
          .trim()
          .toLowerCase();
        // Error bodies are small JSON: only identity is read (so they can be checked).
        if (encoding !== 'identity' && encoding !== '') return settle({ kind: 'bad-encoding' });
        settle({ kind: 'response', status, headers, body: Buffer.concat(chunks, size) });
      },
      onResponseError(_, error) {
        if (streaming) return finish({ cause: causeOf(error) });
        settle({ kind: 'network', cause: causeOf(error) });
      },
    };
    try {
      spec.dispatcher.dispatch(
        {
          origin: spec.target.origin,
          method: spec.method as Dispatcher.HttpMethod,
          path: basePath + spec.pathAndQuery,
          headers: spec.headers as Record<string, string>,
          body: null,
          maxRedirections: 0,
        } as Dispatcher.DispatchOptions,
        handler,
      );
    } catch (error) {
      settle({ kind: 'network', cause: causeOf(error) });
    }
  });
}
