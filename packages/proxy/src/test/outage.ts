import { Agent, request } from 'node:http';

/** One request of a load run: when it started and ended (ms on the monotonic clock), and its answer. */
export interface Sample {
  start: number;
  end: number;
  ms: number;
  /** 0 when the client gave up (`timeoutMs`) or the connection failed. */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** The moments of an outage, on the same clock as the samples. */
export interface OutageTimeline {
  /** `kill` was called. */
  killAt: number;
  /** redis-server had exited. */
  deadAt: number;
  /** `restart` was called. */
  restartAt: number;
  /** `proxy.health()` said `ok` again. */
  recoveredAt: number;
}

export type Phase = 'up' | 'down' | 'back';

/**
 * The phase a sample belongs to: `up` if it ended before the kill, `down` if it started after
 * redis-server had exited and before the restart, `back` if it started after the proxy reported
 * every store up again; `undefined` for requests across a transition.
 */
export function phaseOf(sample: Sample, t: OutageTimeline): Phase | undefined {
  if (sample.end < t.killAt) return 'up';
  if (sample.start >= t.deadAt && sample.start < t.restartAt) return 'down';
  if (sample.start >= t.recoveredAt) return 'back';
  return undefined;
}

/**
 * Keeps `concurrency` requests in flight (keep-alive, like a browser's connection pool) until
 * stopped. `next` gives each request; a request that takes longer than `timeoutMs` is abandoned
 * and recorded with status 0.
 */
export function startLoad(options: {
  url: string;
  concurrency: number;
  timeoutMs: number;
  next: (n: number) => {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  };
}) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const samples: Sample[] = [];
  let running = true;
  let n = 0;
  const base = new URL(options.url);
  const one = () => {
    const call = options.next(n++);
    const start = performance.now();
    return new Promise<Sample>((resolve) => {
      let settled = false;
      const done = (status: number, headers: Sample['headers'], body: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const end = performance.now();
        resolve({ start, end, ms: end - start, status, headers, body });
      };
      const req = request(
        {
          host: base.hostname,
          port: base.port,
          path: call.path,
          method: call.method ?? 'GET',
          headers: call.headers,
          agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            done(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8')),
          );
          res.on('error', () => done(0, {}, ''));
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        done(0, {}, 'client timeout');
      }, options.timeoutMs);
      req.on('error', () => done(0, {}, 'connection error'));
      req.end(call.body);
    });
  };
  const workers = Array.from({ length: options.concurrency }, async () => {
    while (running) samples.push(await one());
  });
  return {
    samples,
    async stop() {
      running = false;
      await Promise.all(workers);
      agent.destroy();
    },
  };
}

/** Count, statuses and latency percentiles of some samples. */
export function summarize(samples: readonly Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (p: number) =>
    ms.length ? Math.round(ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? 0) : 0;
  const statuses: Record<number, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return {
    count: samples.length,
    statuses,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: Math.round(ms.at(-1) ?? 0),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` (async allowed) until it holds; throws after `limitMs`. */
export async function eventually(check: () => Promise<boolean> | boolean, limitMs = 10_000) {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error('condition not met in time');
}
