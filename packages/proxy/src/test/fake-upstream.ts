import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type UpstreamHandler = (req: SeenRequest, res: ServerResponse, raw: IncomingMessage) => void;

export const TEST_KEY = 'clk_test_0123456789abcdefABCDEF';

/**
 * A syntactically valid live key for tests, assembled at run time so no live-key-shaped string is
 * ever committed (secret scanners rightly flag those). It opens nothing anywhere.
 */
export const fakeLiveKey = (label: string) => ['clk', 'live', `${label}0000000000000000`].join('_');

export function envelope(data: unknown, status = 200) {
  return {
    data,
    meta: { requestId: 'req_up', timestamp: new Date(0).toISOString(), status },
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Answers every request with an empty search page (the default fake upstream behaviour). */
export const okHandler: UpstreamHandler = (_req, res) =>
  sendJson(res, 200, envelope({ data: [], total: 0, cursor: null, hasMore: false }));

/**
 * A stand-in for the data API on 127.0.0.1 that records what reached it. `handler` can be
 * swapped per test; `connections` counts TCP connections (to prove keep-alive reuse).
 */
export async function startUpstream() {
  const seen: SeenRequest[] = [];
  const state = { handler: okHandler as UpstreamHandler, connections: 0, open: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(recorded);
      state.handler(recorded, res, req);
    });
  });
  server.on('connection', (socket) => {
    state.connections++;
    state.open++;
    socket.on('close', () => state.open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    get connections() {
      return state.connections;
    },
    /** Connections currently open (the proxy's keep-alive sockets included). */
    get openConnections() {
      return state.open;
    },
    set handler(handler: UpstreamHandler) {
      state.handler = handler;
    },
    reset() {
      seen.length = 0;
      state.handler = okHandler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeUpstream = Awaited<ReturnType<typeof startUpstream>>;
