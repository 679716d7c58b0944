import { headersInclude } from './deliver.js';
import type { UpstreamStream } from './download-upstream.js';
import { clientResponseHeaders } from './headers.js';
import { KeyScanner } from './key-scanner.js';
import { errorReply, type Reply, type RequestState, type StreamSink } from './respond.js';
import type { ProxyLogger } from './types.js';

/** The media types an export's output may have; anything else is refused (502). */
const NDJSON_TYPES: ReadonlySet<string> = new Set([
  'application/fhir+ndjson',
  'application/ndjson',
  'application/x-ndjson',
]);
/** Bytes a slow client may leave unread before the upstream is paused. */
const HIGH_WATER_BYTES = 1_048_576;
const DRAIN_POLL_MS = 10;

export interface DownloadContext {
  /** Current key first, then keys replaced recently: none may reach the client. */
  keys: readonly string[];
  /** `limits.responseBytes`: the most a download may hold. */
  maxBytes: number;
  jobId: string;
  logger: ProxyLogger | undefined;
}

/**
 * The client's reply for a bulk export download whose upstream answered 200: the NDJSON body
 * streamed as it arrives (UTF-8 checked, scanned for the key with nothing of a key let through,
 * at most `maxBytes`, paused while the client is slow). Refused before anything is sent (502
 * BAD_GATEWAY) when the upstream's media type is not NDJSON, its encoding is not identity, its
 * declared length is over the limit or a header holds the key. Once streaming, a problem cuts the
 * connection (the client sees an incomplete download, never a clean end) and is logged without
 * content; `state.error` names it for the audit line.
 */
export function downloadReply(
  state: RequestState,
  stream: UpstreamStream,
  context: DownloadContext,
): Reply {
  const incident = (msg: string, cause: string) =>
    context.logger?.error({ msg, requestId: state.requestId, route: state.route, cause });
  const refuse = (msg: string, cause: string, message: string) => {
    stream.abort();
    incident(msg, cause);
    return errorReply(state, 502, 'BAD_GATEWAY', message);
  };
  const { headers } = stream;
  if (context.keys.some((key) => headersInclude(headers, key))) {
    return refuse(
      'clinik-proxy blocked a response containing the API key',
      'KEY_IN_RESPONSE',
      'The data API response was withheld',
    );
  }
  const type = String(headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (!type || !NDJSON_TYPES.has(type)) {
    return refuse(
      'clinik-proxy bulk download is not NDJSON',
      'UNEXPECTED_CONTENT_TYPE',
      'The data API download could not be read',
    );
  }
  const encoding = String(headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding !== 'identity' && encoding !== '') {
    return refuse(
      'clinik-proxy data API response in an encoding the proxy cannot check',
      'UNREADABLE_ENCODING',
      'The data API download could not be read',
    );
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > context.maxBytes) {
    return refuse(
      'clinik-proxy data API response over limits.responseBytes',
      'RESPONSE_TOO_LARGE',
      'The data API response was too large',
    );
  }

  const forwarded = clientResponseHeaders(headers);
  return {
    status: 200,
    headers: {
      ...(forwarded as Record<string, string>),
      ...state.ownHeaders,
      'content-type': `${type}; charset=utf-8`,
      // Exports are whole patient populations: never kept by any cache.
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${context.jobId}.ndjson"`,
    },
    body: { open: (sink) => pipe(stream, sink, state, context, incident) },
    state,
  };
}

function pipe(
  stream: UpstreamStream,
  sink: StreamSink,
  state: RequestState,
  context: DownloadContext,
  incident: (msg: string, cause: string) => void,
): void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const scanner = new KeyScanner(context.keys);
  let bytes = 0;
  let done = false;
  let poll: ReturnType<typeof setInterval> | undefined;
  const stop = (cause: string, msg: string) => {
    if (done) return;
    done = true;
    clearInterval(poll);
    state.error = cause;
    incident(msg, cause);
    stream.abort();
    sink.destroy();
  };
  const send = (text: string | null) => {
    if (text === null) {
      stop('KEY_IN_RESPONSE', 'clinik-proxy blocked a response containing the API key');
      return false;
    }
    if (text !== '') sink.write(text);
    return true;
  };
  sink.onClose(() => {
    if (done) return;
    done = true;
    clearInterval(poll);
    stream.abort();
  });
  stream.start({
    data(chunk) {
      if (done) return;
      bytes += chunk.length;
      if (bytes > context.maxBytes) {
        stop('RESPONSE_TOO_LARGE', 'clinik-proxy data API response over limits.responseBytes');
        return;
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        stop('UNREADABLE_ENCODING', 'clinik-proxy bulk download is not UTF-8');
        return;
      }
      if (!send(scanner.push(text))) return;
      if (poll === undefined && sink.buffered > HIGH_WATER_BYTES) {
        stream.pause();
        poll = setInterval(() => {
          if (!done && sink.buffered > HIGH_WATER_BYTES / 2) return;
          clearInterval(poll);
          poll = undefined;
          if (!done) stream.resume();
        }, DRAIN_POLL_MS);
      }
    },
    end() {
      if (done) return;
      let text: string;
      try {
        text = decoder.decode();
      } catch {
        stop('UNREADABLE_ENCODING', 'clinik-proxy bulk download is not UTF-8');
        return;
      }
      if (!send(scanner.end(text))) return;
      done = true;
      clearInterval(poll);
      sink.end();
    },
    error(cause) {
      stop(
        cause === 'TIMEOUT' ? 'GATEWAY_TIMEOUT' : 'BAD_GATEWAY',
        'clinik-proxy bulk download broke off',
      );
    },
  });
}
