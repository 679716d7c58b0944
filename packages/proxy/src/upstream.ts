import {
  type Agent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

export type UpstreamResult =
  | {
      kind: 'response';
      status: number;
      headers: IncomingHttpHeaders;
      /** Flat `[name, value, ...]` list, for scanning every header the upstream sent. */
      rawHeaders: string[];
      body: Buffer;
    }
  | { kind: 'timeout' }
  /** Connection refused, reset or closed before a complete response. */
  | { kind: 'network' }
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
  agent: Agent;
  timeoutMs: number;
  maxResponseBytes: number;
  /** The client's response: when it closes before finishing, the upstream call is abandoned. */
  client?: ServerResponse;
}

/** One upstream exchange. Redirects are never followed (node:http does not follow them). */
export function sendUpstream(spec: UpstreamRequest): Promise<UpstreamResult> {
  const { target } = spec;
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const basePath = target.pathname.replace(/\/+$/, '');

  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: UpstreamResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      spec.client?.off('close', onClientClose);
      resolve(result);
    };

    const req = request({
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method: spec.method,
      path: basePath + spec.pathAndQuery,
      headers: spec.headers,
      agent: spec.agent,
    });

    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      req.destroy();
    }, spec.timeoutMs);
    // A plain listener instead of an AbortController: cheaper on the hot path.
    const onClientClose = () => {
      if (spec.client?.writableFinished) return;
      finish({ kind: 'aborted' });
      req.destroy();
    };
    spec.client?.once('close', onClientClose);

    req.on('error', () => finish({ kind: 'network' }));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > spec.maxResponseBytes) {
          finish({ kind: 'too-large' });
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('error', () => finish({ kind: 'network' }));
      res.on('aborted', () => finish({ kind: 'network' }));
      res.on('end', () => {
        if (!res.complete) {
          finish({ kind: 'network' });
          return;
        }
        const decoded = decode(
          Buffer.concat(chunks, size),
          res.headers['content-encoding'],
          spec.maxResponseBytes,
        );
        if (!decoded) {
          finish({ kind: 'bad-encoding' });
          return;
        }
        finish({
          kind: 'response',
          status: res.statusCode ?? 502,
          headers: res.headers,
          rawHeaders: res.rawHeaders,
          body: decoded,
        });
      });
    });
    req.end(spec.body.length > 0 ? spec.body : undefined);
  });
}

/**
 * Decodes a content-encoded body so it can be scanned (bounded, against decompression bombs);
 * `undefined` for unknown encodings.
 */
function decode(
  body: Buffer,
  encoding: string | undefined,
  maxOutputLength: number,
): Buffer | undefined {
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
