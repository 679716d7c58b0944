// Load script for the live event stream: N SSE clients on one proxy instance while signed
// webhooks arrive at a steady rate. Prints delivery latency (webhook sent -> event parsed by a
// client) and server memory. Clients run in a child process so their parsing does not count as
// server work. Loopback only, bounded in time.
//
//   pnpm --filter @clinikapi/proxy bench:events [-- --clients 2000 --rate 100 --seconds 20]
import { fork } from 'node:child_process';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signWebhook } from '@clinikapi/core';
import { MemoryDedupeStore, MemoryEventBus } from '../src/events/memory.js';
import { createWebhookReceiver } from '../src/events/receiver.js';
import { EventStream } from '../src/events/stream.js';
import { connectNode, nodeReceiver } from '../src/test/node-events.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'), // pnpm passes a literal `--` through
  options: {
    clients: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '20' },
    role: { type: 'string', default: 'server' },
    url: { type: 'string', default: '' },
  },
});
const CLIENTS = Number(values.clients);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const SECRET = 'whsec_bench';

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0)
    : 0;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function runClients(url: string) {
  const latencies: number[] = [];
  let connected = 0;
  let received = 0;
  for (let i = 0; i < CLIENTS; i++) {
    const req = request(url, { agent: false }, (res) => {
      connected++;
      if (connected === CLIENTS) process.send?.({ type: 'connected' });
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) {
            const notice = JSON.parse(data.slice(6)) as { timestamp: string };
            latencies.push(Date.now() - Date.parse(notice.timestamp));
            received++;
          }
          end = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', () => {});
    req.end();
    if (i % 200 === 199) await new Promise((r) => setTimeout(r, 20)); // do not SYN-flood the listener
  }
  process.on('message', (message: { type: string }) => {
    if (message.type !== 'report') return;
    latencies.sort((a, b) => a - b);
    process.send?.({
      type: 'report',
      received,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
    });
  });
}

async function runServer() {
  const bus = new MemoryEventBus();
  const stream = new EventStream<{ id: string }>({ bus, canSee: () => true, bufferSize: 1000 });
  await stream.start();
  const receiver = createWebhookReceiver({
    secrets: [SECRET],
    bus,
    dedupe: new MemoryDedupeStore(),
  });
  const server = createServer((req, res) => {
    if (req.url === '/webhooks') void nodeReceiver(receiver)(req, res);
    else connectNode(stream, req, res, { id: 'bench' });
  });
  server.maxConnections = CLIENTS + 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 4096, resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseline = process.memoryUsage();

  const child = fork(
    fileURLToPath(import.meta.url),
    ['--role', 'clients', '--url', `${base}/events`, '--clients', String(CLIENTS)],
    {
      execArgv: process.execArgv,
    },
  );
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    child.on('message', (m: { type: string }) => m.type === 'connected' && resolve());
    child.on('exit', (code) => reject(new Error(`clients exited with ${code}`)));
    setTimeout(() => reject(new Error('clients did not connect within 60 s')), 60_000).unref();
  });
  const connectedAfter = Date.now() - started;
  const connected = process.memoryUsage();

  // Webhooks at a steady rate, over one keep-alive connection, like a sender would.
  const sent = RATE * SECONDS;
  let failures = 0;
  const interval = 1000 / RATE;
  const t0 = performance.now();
  for (let i = 0; i < sent; i++) {
    const wait = t0 + i * interval - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const event = {
      id: `evt_bench_${i}`,
      event: 'appointment.updated',
      timestamp: new Date().toISOString(),
      data: {
        resourceType: 'appointment',
        resourceId: `a${i}`,
        action: 'updated',
        tenantId: 'o',
        environment: 'test',
      },
    } as const;
    const signed = await signWebhook({ payload: event, secret: SECRET });
    const response = await fetch(`${base}/webhooks`, {
      method: 'POST',
      body: signed.body,
      headers: signed.headers,
    });
    if (response.status !== 200) failures++;
    await response.arrayBuffer();
  }
  await new Promise((r) => setTimeout(r, 2000)); // let the last events drain
  const peak = process.memoryUsage();
  const report = await new Promise<{ received: number; p50: number; p99: number; max: number }>(
    (resolve) => {
      child.on('message', (m: { type: string } & Record<string, number>) => {
        if (m.type === 'report') resolve(m as never);
      });
      child.send({ type: 'report' });
    },
  );
  child.kill();
  await stream.close();
  server.closeAllConnections();
  server.close();

  const expected = sent * CLIENTS;
  console.log(
    `\nLive event stream: ${CLIENTS} SSE clients, ${RATE} webhooks/s for ${SECONDS} s (one proxy instance)`,
  );
  console.log(`  clients connected in     ${connectedAfter} ms`);
  console.log(`  webhooks accepted        ${sent - failures}/${sent}`);
  console.log(
    `  events delivered         ${report.received}/${expected} (${((100 * report.received) / expected).toFixed(2)} %)`,
  );
  console.log(
    `  delivery latency         p50 ${report.p50} ms, p99 ${report.p99} ms, max ${report.max} ms`,
  );
  console.log(
    `  server RSS               ${mb(baseline.rss)} idle -> ${mb(connected.rss)} connected -> ${mb(peak.rss)} after load`,
  );
  console.log(
    `  server heap used         ${mb(baseline.heapUsed)} -> ${mb(connected.heapUsed)} -> ${mb(peak.heapUsed)}`,
  );
  console.log(
    `  per client (RSS delta)   ${((connected.rss - baseline.rss) / CLIENTS / 1024).toFixed(1)} KB`,
  );
}

if (values.role === 'clients') await runClients(values.url);
else await runServer();
