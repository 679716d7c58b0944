import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeNotice, EventBus } from './types.js';

export interface EventStreamOptions<User> {
  bus: EventBus;
  /** Whether a user may learn of a change (a patient-portal user: only their own records). */
  canSee: (user: User, notice: ChangeNotice) => Promise<boolean> | boolean;
  /** Comment lines that keep idle connections open through proxies. Defaults to 15000 ms. */
  heartbeatMs?: number;
  /** Recent notices kept for `Last-Event-ID` resume. Defaults to 1000. */
  bufferSize?: number;
  /** A client whose unsent output exceeds this is dropped (it reconnects and resumes). Defaults to 1 MiB. */
  maxBufferedBytes?: number;
}

interface Client<User> {
  user: User;
  res: ServerResponse;
  /** Notices are checked and written in order, one after another. */
  queue: Promise<void>;
}

const SAFE_ID = /^[A-Za-z0-9_.-]{1,128}$/;

function frame(notice: ChangeNotice): string {
  return `id: ${notice.id}\nevent: change\ndata: ${JSON.stringify(notice)}\n\n`;
}

/**
 * Server-Sent Events for browsers: every notice on the bus goes to each connected user allowed to
 * see it, with heartbeats and resume from a bounded buffer of recent notices.
 */
export class EventStream<User> {
  private readonly clients = new Set<Client<User>>();
  private readonly buffer: ChangeNotice[] = [];
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private unsubscribe: (() => void) | undefined;
  private closed = false;

  constructor(private readonly options: EventStreamOptions<User>) {
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  /** Subscribes to the bus; call once before serving. */
  async start(): Promise<void> {
    this.unsubscribe = await this.options.bus.subscribe((notice) => this.dispatch(notice));
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Serves one browser's stream. `user` is already authenticated. */
  connect(req: IncomingMessage, res: ServerResponse, user: User): void {
    if (this.closed) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
      res.end('{"error":"SERVICE_UNAVAILABLE","message":"Shutting down","code":"503"}');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const client: Client<User> = { user, res, queue: Promise.resolve() };
    this.clients.add(client);
    req.on('close', () => this.clients.delete(client));
    this.resume(client, lastEventId(req));
  }

  /** Ends every stream (clients reconnect to another instance) and leaves the bus. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    for (const client of this.clients) client.res.end();
    this.clients.clear();
  }

  private resume(client: Client<User>, lastId: string | undefined): void {
    if (!lastId) return;
    const index = this.buffer.findIndex((n) => n.id === lastId);
    if (index === -1) {
      // Too old or from elsewhere: tell the client to refetch everything instead of missing changes.
      client.res.write('event: reset\ndata: {}\n\n');
      return;
    }
    for (const notice of this.buffer.slice(index + 1)) this.enqueue(client, notice);
  }

  private dispatch(notice: ChangeNotice): void {
    if (!SAFE_ID.test(notice.id)) return;
    this.buffer.push(notice);
    const max = this.options.bufferSize ?? 1000;
    if (this.buffer.length > max) this.buffer.splice(0, this.buffer.length - max);
    for (const client of this.clients) this.enqueue(client, notice);
  }

  private enqueue(client: Client<User>, notice: ChangeNotice): void {
    client.queue = client.queue.then(async () => {
      if (!this.clients.has(client)) return;
      let allowed = false;
      try {
        allowed = await this.options.canSee(client.user, notice);
      } catch {
        allowed = false; // fail closed
      }
      if (allowed) this.write(client, frame(notice));
    });
  }

  private write(client: Client<User>, text: string): void {
    client.res.write(text);
    if (client.res.writableLength > (this.options.maxBufferedBytes ?? 1024 * 1024)) {
      this.clients.delete(client);
      client.res.destroy();
    }
  }

  private beat(): void {
    for (const client of this.clients) this.write(client, ': heartbeat\n\n');
  }
}

function lastEventId(req: IncomingMessage): string | undefined {
  const header = req.headers['last-event-id'];
  const value = Array.isArray(header) ? header[0] : header;
  if (value && SAFE_ID.test(value)) return value;
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('lastEventId');
  return query && SAFE_ID.test(query) ? query : undefined;
}
