import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import type { AuditEvent, ProxyLogger } from '../types.js';

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json: () => Record<string, unknown>;
}

/** Serves `handler` on 127.0.0.1 and returns its base URL. */
export async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP request that sends `path` byte for byte (no normalisation, unlike fetch). */
export function send(
  base: string,
  path: string,
  init: {
    method?: string;
    headers?: Record<string, string | string[]>;
    body?: string | Buffer;
  } = {},
): Promise<TestResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: init.method ?? 'GET',
        path,
        headers: init.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Writes raw bytes on a TCP connection and returns everything the server answers. */
export function sendRaw(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // One response is enough: close once its body has arrived.
      const text = Buffer.concat(chunks).toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (end !== -1 && length && text.length >= end + 4 + Number(length[1])) socket.end();
    });
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
    socket.write(raw);
  });
}

/** A logger that keeps every line, so tests can check what was (and was not) logged. */
export function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger: ProxyLogger = {
    info: (line) => lines.push({ level: 'info', ...line }),
    warn: (line) => lines.push({ level: 'warn', ...line }),
    error: (line) => lines.push({ level: 'error', ...line }),
  };
  return { logger, lines, text: () => JSON.stringify(lines) };
}

/** Collects audit events. */
export function auditCollector() {
  const events: AuditEvent[] = [];
  return { events, onAudit: (event: AuditEvent) => void events.push(event) };
}

/** Waits for real I/O until `check` holds (no timing assertions: only a generous deadline). */
export async function until(check: () => boolean, limitMs = 5000): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not met in time');
}
