/**
 * Throughput of the same upstream behind: nothing, a raw node:http keep-alive pipe,
 * http-proxy-middleware (defaults and with a keep-alive agent) and clinikProxy with session
 * authentication, authorization, per-user rate limiting and auditing on. Every server is a child
 * process on 127.0.0.1; autocannon runs here. BENCH_ROUNDS (default 5) interleaved rounds of
 * BENCH_SECONDS (default 2) per setup after a 1 s warm-up; medians are reported. With
 * BENCH_BASELINE=/path/to/another/build/dist/index.js, that build runs alongside (same rounds).
 *
 *   pnpm --filter @clinikapi/proxy bench
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const serversFile = fileURLToPath(new URL('./servers.ts', import.meta.url));
const children: ChildProcess[] = [];

function startChild(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [...process.execArgv, serversFile, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\d+)/.exec(out);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, child });
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface Row {
  setup: string;
  /** CPU µs the serving process spent per request: barely affected by other load on the machine. */
  cpuPerRequest: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** CPU time (user + system, in µs) a process has used so far; Linux only, else NaN. */
function cpuMicros(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second).
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

async function measure(
  setup: string,
  url: string,
  headers: Record<string, string>,
  pid: number | undefined,
): Promise<Row> {
  const cpuBefore = cpuMicros(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  const cpu = cpuMicros(pid) - cpuBefore;
  return {
    setup,
    cpuPerRequest: Math.round(cpu / Math.max(1, result.requests.total)),
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

const SETUPS: { id: string; label: string }[] = [
  { id: 'upstream', label: 'upstream (no proxy)' },
  { id: 'raw-pipe', label: 'raw node:http pipe, keep-alive' },
  { id: 'hpm-keepalive', label: 'express + hpm 3.0.10 + keep-alive agent' },
  { id: 'clinik-express', label: 'express + clinikProxy (auth, authz, rate limit, audit)' },
  { id: 'hpm-keepalive-node', label: 'node:http + hpm 3.0.10 + keep-alive agent' },
  { id: 'clinik-node', label: 'node:http + clinikProxy (same options)' },
  ...(process.env.BENCH_BASELINE
    ? [
        { id: 'clinik-express-baseline', label: 'express + clinikProxy, BENCH_BASELINE build' },
        { id: 'clinik-node-baseline', label: 'node:http + clinikProxy, BENCH_BASELINE build' },
      ]
    : []),
  // Last in every round: its TIME_WAIT sockets must not disturb the others.
  { id: 'hpm-defaults', label: 'express + hpm 3.0.10 defaults' },
];

async function main() {
  const upstream = await startChild(['upstream']);
  const urls = new Map<string, string>([['upstream', upstream.url]]);
  const pids = new Map<string, number | undefined>([['upstream', upstream.child.pid]]);
  for (const { id } of SETUPS.slice(1)) {
    const started = await startChild([id, upstream.url]);
    urls.set(id, `${started.url}/api/clinik`);
    pids.set(id, started.child.pid);
  }
  const path = '/v1/patients?name=ann';
  const headersOf = (id: string): Record<string, string> =>
    id.startsWith('clinik') ? { cookie: 'sid=s3cr3t-session' } : {};
  // One warm-up second per setup, so JIT and connection pools are settled before measuring.
  for (const { id } of SETUPS) {
    await autocannon({
      url: `${urls.get(id)}${path}`,
      connections: CONNECTIONS,
      duration: 1,
      headers: headersOf(id),
    });
  }
  const runs = new Map<string, Row[]>(SETUPS.map((s) => [s.id, []]));
  // Rounds interleave the setups so background load on a shared machine hits them alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const { id, label } of SETUPS) {
      runs
        .get(id)
        ?.push(await measure(label, `${urls.get(id)}${path}`, headersOf(id), pids.get(id)));
    }
  }
  await Promise.all(children.map(stop));

  const rows = SETUPS.map(({ id, label }) => {
    const r = runs.get(id) ?? [];
    return {
      setup: label,
      reqPerSec: median(r.map((x) => x.reqPerSec)),
      p50: median(r.map((x) => x.p50)),
      p99: median(r.map((x) => x.p99)),
      cpu: median(r.map((x) => x.cpuPerRequest)),
      non2xx: r.reduce((n, x) => n + x.non2xx, 0),
      errors: r.reduce((n, x) => n + x.errors, 0),
      each: r.map((x) => x.reqPerSec).join(' / '),
    };
  });
  console.log(
    `\n${CONNECTIONS} connections, ${ROUNDS} rounds x ${SECONDS} s per setup (medians), ~1.6 KB JSON, 127.0.0.1\n`,
  );
  console.table(
    rows.map((r) => ({
      setup: r.setup,
      'req/s': r.reqPerSec,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'CPU µs/req': r.cpu,
      'req/s per round': r.each,
      non2xx: r.non2xx,
      errors: r.errors,
    })),
  );
  const find = (id: string) => rows[SETUPS.findIndex((setup) => setup.id === id)];
  const clinik = find('clinik-express');
  const tuned = find('hpm-keepalive');
  const defaults = find('hpm-defaults');
  const clinikNode = find('clinik-node');
  const tunedNode = find('hpm-keepalive-node');
  if (clinik && defaults && tuned) {
    const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
    // Ratios of setups measured back to back in the same round, then their median: steadier
    // than a ratio of medians when other work on the machine comes and goes.
    const paired = (a: string, b: string, pick: (row: Row) => number) => {
      const as = runs.get(a) ?? [];
      const bs = runs.get(b) ?? [];
      return median(as.map((row, i) => pick(row) / Math.max(1, pick(bs[i] ?? row)))).toFixed(2);
    };
    console.log(
      (find('clinik-express-baseline')
        ? `this build / BENCH_BASELINE, paired per round: express ${paired('clinik-express', 'clinik-express-baseline', (r) => r.reqPerSec)}x req/s, ` +
          `node:http ${paired('clinik-node', 'clinik-node-baseline', (r) => r.reqPerSec)}x req/s; CPU/req express ${ratio(clinik.cpu, find('clinik-express-baseline')?.cpu ?? 0)}x, ` +
          `node:http ${ratio(clinikNode?.cpu ?? 0, find('clinik-node-baseline')?.cpu ?? 0)}x\n`
        : '') +
        `CPU per request of the proxy process: clinikProxy/hpm+keep-alive ${ratio(clinik.cpu, tuned.cpu)}x\n` +
        `paired per round (median): clinikProxy/hpm-defaults ${paired('clinik-express', 'hpm-defaults', (r) => r.reqPerSec)}x req/s, ` +
        `clinikProxy/hpm+keep-alive ${paired('clinik-express', 'hpm-keepalive', (r) => r.reqPerSec)}x req/s, ` +
        `p99 ${paired('clinik-express', 'hpm-keepalive', (r) => r.p99)}x`,
    );
    console.log(
      `clinikProxy vs hpm defaults:        ${ratio(clinik.reqPerSec, defaults.reqPerSec)}x req/s (target >= 2)`,
    );
    console.log(
      `clinikProxy vs hpm + keep-alive:    ${ratio(clinik.reqPerSec, tuned.reqPerSec)}x req/s (target >= 1.0)`,
    );
    console.log(
      `p99 clinikProxy / hpm + keep-alive: ${ratio(clinik.p99, tuned.p99)}x (target <= 1.2)`,
    );
    if (clinikNode && tunedNode) {
      // The same comparison with both mounted in plain node:http (no Express on either side).
      console.log(
        `node:http, clinikProxy vs hpm + keep-alive: ${ratio(clinikNode.reqPerSec, tunedNode.reqPerSec)}x req/s ` +
          `(paired ${paired('clinik-node', 'hpm-keepalive-node', (r) => r.reqPerSec)}x), ` +
          `p99 ${ratio(clinikNode.p99, tunedNode.p99)}x, CPU ${ratio(clinikNode.cpu, tunedNode.cpu)}x`,
      );
    }
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await Promise.all(children.map(stop));
  });
