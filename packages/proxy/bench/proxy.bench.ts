/**
 * Throughput of the same upstream behind: nothing, a raw node:http keep-alive pipe,
 * http-proxy-middleware (defaults and with a keep-alive agent) and clinikProxy with session
 * authentication, authorization, per-user rate limiting and auditing on. Every server is a child
 * process on 127.0.0.1; autocannon runs here. Seconds per setup: BENCH_SECONDS (default 5).
 *
 *   pnpm --filter @clinikapi/proxy bench
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
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
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function measure(setup: string, url: string, headers: Record<string, string>): Promise<Row> {
  // Short warm-up so JIT and connection pools are settled before measuring.
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    setup,
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function main() {
  const upstream = await startChild(['upstream']);
  const rows: Row[] = [];
  const path = '/v1/patients?name=ann';
  rows.push(await measure('upstream (no proxy)', `${upstream.url}${path}`, {}));

  const setups: [string, string][] = [
    ['raw-pipe', 'raw node:http pipe, keep-alive'],
    ['hpm-keepalive', 'express + hpm 3.0.10 + keep-alive agent'],
    ['clinik-express', 'express + clinikProxy (auth, authz, rate limit, audit)'],
    ['clinik-node', 'node:http + clinikProxy (same options)'],
    ['hpm-defaults', 'express + hpm 3.0.10 defaults'],
  ];
  for (const [setup, label] of setups) {
    const proxy = await startChild([setup, upstream.url]);
    const headers: Record<string, string> = setup.startsWith('clinik')
      ? { cookie: 'sid=s3cr3t-session' }
      : {};
    rows.push(await measure(label, `${proxy.url}/api/clinik${path}`, headers));
    await stop(proxy.child);
  }
  await stop(upstream.child);

  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per setup, ~1.6 KB JSON, 127.0.0.1\n`);
  console.table(
    rows.map((r) => ({
      setup: r.setup,
      'req/s': r.reqPerSec,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      non2xx: r.non2xx,
      errors: r.errors,
    })),
  );
  const find = (prefix: string) => rows.find((r) => r.setup.startsWith(prefix));
  const clinik = find('express + clinikProxy');
  const defaults = find('express + hpm 3.0.10 defaults');
  const tuned = find('express + hpm 3.0.10 + keep-alive');
  if (clinik && defaults && tuned) {
    const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
    console.log(
      `clinikProxy vs hpm defaults:       ${ratio(clinik.reqPerSec, defaults.reqPerSec)}x req/s (target >= 2)`,
    );
    console.log(
      `clinikProxy vs hpm + keep-alive:   ${ratio(clinik.reqPerSec, tuned.reqPerSec)}x req/s (target >= 1.0)`,
    );
    console.log(
      `p99 clinikProxy / hpm + keep-alive: ${ratio(clinik.p99, tuned.p99)}x (target <= 1.2)`,
    );
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
