import { type ChangeNotice, isChangeNotice } from '@clinikapi/core/client';

/**
 * `unavailable`: the server has no event stream at the URL (404/405/501): live updates stay off
 * and nothing is retried; queries still refresh as usual.
 */
export type LiveStatus =
  | 'connecting'
  | 'open'
  | 'reconnecting'
  | 'offline'
  | 'closed'
  | 'unavailable';

/** The parts of the browser's `EventSource` the connection uses (injectable for tests). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export interface LiveConnectionOptions {
  /** Same-origin stream URL, e.g. `/api/clinik/events`. */
  url: string;
  onNotice: (notice: ChangeNotice) => void;
  /** The server lost track of where we were: everything may be stale. */
  onReset: () => void;
  onStatus?: ((status: LiveStatus) => void) | undefined;
  /** Defaults to the global `EventSource`. */
  createEventSource?: EventSourceFactory | undefined;
  /** First reconnect wait; doubles up to `maxDelayMs`, with jitter. Defaults to 1000. */
  baseDelayMs?: number | undefined;
  /** Defaults to 30000. */
  maxDelayMs?: number | undefined;
  random?: (() => number) | undefined;
  /**
   * The HTTP status of the stream URL, asked once when the stream is refused before it ever
   * opened (EventSource does not expose it). Defaults to a `fetch` aborted at the headers.
   */
  probe?: ((url: string) => Promise<number | undefined>) | undefined;
}

/** Statuses that mean "no stream is mounted here", not "try again later". */
const NO_STREAM = new Set([404, 405, 501]);
const warned = new Set<string>();

async function probeStatus(url: string): Promise<number | undefined> {
  const controller = new AbortController();
  try {
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream' },
      signal: controller.signal,
    });
    return response.status;
  } catch {
    return undefined;
  } finally {
    controller.abort();
  }
}

const CLOSED = 2;

/**
 * One Server-Sent Events connection with reconnects: the browser retries dropped connections
 * itself, but gives up on refused ones (401, 503...), so those are retried here with backoff and
 * `lastEventId`, and resumed at once when the browser comes back online.
 */
export class LiveConnection {
  private source: EventSourceLike | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private lastEventId: string | undefined;
  private stopped = true;
  private opened = false;

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    globalThis.addEventListener?.('online', this.onOnline);
    globalThis.addEventListener?.('offline', this.onOffline);
    this.open('connecting');
  }

  stop(): void {
    this.stopped = true;
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('offline', this.onOffline);
    if (this.timer) clearTimeout(this.timer);
    this.source?.close();
    this.source = undefined;
    this.options.onStatus?.('closed');
  }

  private readonly onOnline = () => {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.failures = 0;
    this.open('reconnecting');
  };

  private readonly onOffline = () => {
    if (this.stopped) return;
    this.source?.close();
    this.source = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.options.onStatus?.('offline');
  };

  private open(status: LiveStatus): void {
    this.options.onStatus?.(status);
    const create =
      this.options.createEventSource ??
      ((url: string) => new EventSource(url) as unknown as EventSourceLike);
    const url = this.lastEventId
      ? `${this.options.url}${this.options.url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(this.lastEventId)}`
      : this.options.url;
    const source = create(url);
    this.source = source;
    source.onopen = () => {
      this.opened = true;
      this.failures = 0;
      this.options.onStatus?.('open');
    };
    source.onerror = () => {
      if (this.source !== source || this.stopped) return;
      if (source.readyState === CLOSED) {
        this.source = undefined;
        if (this.opened) this.scheduleReconnect();
        else void this.checkStreamExists();
      } else {
        this.options.onStatus?.('reconnecting');
      }
    };
    source.addEventListener('change', (event) => {
      if (event.lastEventId) this.lastEventId = event.lastEventId;
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (isChangeNotice(data)) this.options.onNotice(data);
    });
    source.addEventListener('reset', () => this.options.onReset());
  }

  /** Refused before it ever opened: a missing stream is a configuration problem, not an outage. */
  private async checkStreamExists(): Promise<void> {
    const status = await (this.options.probe ?? probeStatus)(this.options.url);
    if (this.stopped) return;
    if (status === undefined || !NO_STREAM.has(status)) {
      this.scheduleReconnect();
      return;
    }
    if (!warned.has(this.options.url)) {
      warned.add(this.options.url);
      console.warn(
        `[clinikapi] live updates are on, but ${this.options.url} answered ${status}: no event stream ` +
          "is mounted there (see @clinikapi/proxy's `events` option). Live updates stay off; " +
          'data still refreshes as usual.',
      );
    }
    globalThis.removeEventListener?.('online', this.onOnline);
    globalThis.removeEventListener?.('offline', this.onOffline);
    this.options.onStatus?.('unavailable');
  }

  private scheduleReconnect(): void {
    this.options.onStatus?.('reconnecting');
    const base = this.options.baseDelayMs ?? 1000;
    const ceiling = Math.min(this.options.maxDelayMs ?? 30_000, base * 2 ** this.failures);
    this.failures++;
    const delay = ceiling / 2 + (this.options.random ?? Math.random)() * (ceiling / 2);
    this.timer = setTimeout(() => {
      if (!this.stopped) this.open('reconnecting');
    }, delay);
  }
}
