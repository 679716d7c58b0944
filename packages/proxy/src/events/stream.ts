import { randomBytes } from 'node:crypto';
import { SAFETY_HEADERS } from '../headers.js';
import type { Reply, StreamSink } from '../respond.js';
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
  sink: StreamSink;
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
  /** Ids in `buffer`: a notice that arrives twice (delivered locally, then through the bus) is sent once. */
  private readonly bufferedIds = new Set<string>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private unsubscribe: (() => void) | undefined;
  private unwatch: (() => void) | undefined;
  private closed = false;
  /**
   * The resume position "before the first notice this instance buffered": what a `reset` says
   * while the buffer is empty, so the next reconnect is not reset again.
   */
  private readonly origin = `start_${randomBytes(8).toString('hex')}`;
  /** True once notices fell out of the buffer (resuming from `origin` would miss them). */
  private spilled = false;

  constructor(private readonly options: EventStreamOptions<User>) {
    this.heartbeat = setInterval(() => this.beat(), options.heartbeatMs ?? 15_000);
    this.heartbeat.unref();
  }

  /** Subscribes to the bus; call once before serving. */
  async start(): Promise<void> {
    this.unwatch = this.options.bus.watch?.((signal) => {
      if (signal === 'reset') this.reset();
    });
    this.unsubscribe = await this.options.bus.subscribe((notice) => this.dispatch(notice));
  }

  /**
   * Tells every connected client to refetch (`event: reset`): changes may have been missed (the
   * bus was down). The frame carries the newest position, so a reconnect resumes from there.
   */
  reset(): void {
    const position = this.buffer.at(-1)?.id ?? this.origin;
    const text = `id: ${position}\nevent: reset\ndata: {}\n\n`;
    for (const client of this.clients) {
      client.queue = client.queue.then(() => {
        if (this.clients.has(client)) this.write(client, text);
      });
    }
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /**
   * The reply that serves one browser's stream. `user` is already authenticated; `lastEventId`
   * comes from the `Last-Event-ID` header (or the `lastEventId` query parameter).
   */
  connect(user: User, lastEventId: string | null | undefined): Reply {
    if (this.closed) {
      const body = Buffer.from(
        '{"error":"SERVICE_UNAVAILABLE","message":"Shutting down","code":"503"}',
      );
      return {
        status: 503,
        headers: {
          'content-type': 'application/json',
          'retry-after': '5',
          'content-length': body.length,
          ...SAFETY_HEADERS,
        },
        body,
        state: undefined,
      };
    }
    const lastId = lastEventId && SAFE_ID.test(lastEventId) ? lastEventId : undefined;
    return {
      status: 200,
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: compression middleware (Express's compression(), Next.js) must not buffer frames.
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      },
      body: {
        open: (sink) => {
          sink.write('retry: 3000\n\n');
          const client: Client<User> = { user, sink, queue: Promise.resolve() };
          this.clients.add(client);
          sink.onClose(() => this.clients.delete(client));
          this.resume(client, lastId);
        },
      },
      state: undefined,
    };
  }

  /** Ends every stream (clients reconnect to another instance) and leaves the bus. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    this.unwatch?.();
    for (const client of this.clients) client.sink.end();
    this.clients.clear();
  }

  private resume(client: Client<User>, lastId: string | undefined): void {
    if (!lastId) return;
    const fromOrigin = lastId === this.origin && !this.spilled;
    const index = fromOrigin ? -1 : this.buffer.findIndex((n) => n.id === lastId);
    if (index === -1 && !fromOrigin) {
      // Too old or from elsewhere: tell the client to refetch everything instead of missing
      // changes. The reset carries the newest position, so the next reconnect resumes from it
      // instead of being reset (and refetching everything) again.
      const position = this.buffer.at(-1)?.id ?? this.origin;
      client.sink.write(`id: ${position}\nevent: reset\ndata: {}\n\n`);
      return;
    }
    for (const notice of this.buffer.slice(index + 1)) this.enqueue(client, notice);
  }

  private dispatch(notice: ChangeNotice): void {
    if (!SAFE_ID.test(notice.id) || this.bufferedIds.has(notice.id)) return;
    this.buffer.push(notice);
    this.bufferedIds.add(notice.id);
    const max = this.options.bufferSize ?? 1000;
    if (this.buffer.length > max) {
      for (const dropped of this.buffer.splice(0, this.buffer.length - max)) {
        this.bufferedIds.delete(dropped.id);
      }
      this.spilled = true;
    }
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
    client.sink.write(text);
    if (client.sink.buffered > (this.options.maxBufferedBytes ?? 1024 * 1024)) {
      this.clients.delete(client);
      client.sink.destroy();
    }
  }

  private beat(): void {
    for (const client of this.clients) this.write(client, ': heartbeat\n\n');
  }
}

/** The resume position a browser sent: the `Last-Event-ID` header, or `?lastEventId=`. */
export function lastEventIdOf(
  headers: Pick<Headers, 'get' | 'has'>,
  search: string,
): string | undefined {
  const value = headers.get('last-event-id');
  if (value && SAFE_ID.test(value)) return value;
  const query = new URLSearchParams(search).get('lastEventId');
  return query && SAFE_ID.test(query) ? query : undefined;
}
