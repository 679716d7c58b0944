/**
 * Child process of the benchmark: starts ONE server on 127.0.0.1 and prints `READY <port>`.
 * Usage: servers.ts upstream | servers.ts <setup> <upstreamUrl>
 */
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// The built package, as an app would run it (`pnpm bench` builds it first).
import * as built from '@clinikapi/proxy';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';

const [setup = 'upstream', upstreamUrl = ''] = process.argv.slice(2);
// `-baseline` setups run another build of the package (BENCH_BASELINE: its dist/index.js), e.g.
// the last commit's, side by side with this one in the same rounds.
const { clinikProxy, MemoryStore, staff } = (
  setup.endsWith('-baseline') && process.env.BENCH_BASELINE
    ? await import(process.env.BENCH_BASELINE)
    : built
) as typeof built;
const BENCH_KEY = 'clk_test_benchmark000000000000';

/** ~1.6 KB JSON search page, like the toolchain anchors. */
function fixedBody(): Buffer {
  const patients = Array.from({ length: 6 }, (_, i) => ({
    id: `pat_${i}`,
    firstName: 'Ann',
    lastName: `Lee-${i}`,
    fullName: `Ann Lee-${i}`,
    email: `ann${i}@example.test`,
    phone: '+1 555 0100',
    gender: 'female',
    birthDate: '1980-01-01',
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  }));
  return Buffer.from(
    JSON.stringify({
      data: { data: patients, total: 6, cursor: null, hasMore: false },
      meta: { requestId: 'req_bench', timestamp: '2026-01-01T00:00:00Z', status: 200 },
    }),
  );
}

/** Sessions as an app would keep them: cookie -> user. */
const sessions = new Map([['s3cr3t-session', { id: 'user_1' }]]);
function sessionUser(req: IncomingMessage) {
  const match = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '');
  return match?.[1] ? (sessions.get(match[1]) ?? null) : null;
}

function build(): (req: IncomingMessage, res: ServerResponse) => void {
  switch (setup) {
    case 'upstream': {
      const body = fixedBody();
      return (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
      };
    }
    case 'raw-pipe': {
      const target = new URL(upstreamUrl);
      const agent = new Agent({ keepAlive: true, maxSockets: 64 });
      return (req, res) => {
        const upstream = request(
          {
            hostname: target.hostname,
            port: target.port,
            method: req.method,
            path: (req.url ?? '/').replace(/^\/api\/clinik/, ''),
            headers: { accept: 'application/json' },
            agent,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on('error', () => res.destroy());
        req.pipe(upstream);
      };
    }
    case 'hpm-defaults': {
      const app = express();
      app.use('/api/clinik', createProxyMiddleware({ target: upstreamUrl, changeOrigin: true }));
      return app;
    }
    case 'hpm-keepalive': {
      const app = express();
      const agent = new Agent({ keepAlive: true, maxSockets: 64 });
      app.use(
        '/api/clinik',
        createProxyMiddleware({ target: upstreamUrl, changeOrigin: true, agent }),
      );
      return app;
    }
    case 'hpm-keepalive-node': {
      const agent = new Agent({ keepAlive: true, maxSockets: 64 });
      const middleware = createProxyMiddleware({
        target: upstreamUrl,
        changeOrigin: true,
        agent,
        pathRewrite: { '^/api/clinik': '' },
      });
      return (req, res) =>
        void middleware(req, res, () => {
          res.writeHead(404).end();
        });
    }
    case 'clinik-express':
    case 'clinik-node':
    case 'clinik-express-baseline':
    case 'clinik-node-baseline': {
      let audited = 0;
      const proxy = clinikProxy({
        target: upstreamUrl,
        apiKey: BENCH_KEY,
        authenticate: sessionUser,
        authorize: staff(),
        // Every request counts against a generous per-user limit, so the limiter does real work.
        rateLimit: { limit: 1_000_000_000, windowMs: 60_000, store: new MemoryStore() },
        logger: { info: () => {}, warn: () => {}, error: () => {} },
        onAudit: () => {
          audited++;
        },
        mountPath: setup.startsWith('clinik-node') ? '/api/clinik' : '',
      });
      process.on('SIGTERM', () => {
        process.stderr.write(`${setup}: ${audited} requests audited\n`);
        process.exit(0);
      });
      if (setup.startsWith('clinik-node')) return (req, res) => proxy(req, res);
      const app = express();
      app.use('/api/clinik', proxy);
      return app;
    }
    default:
      throw new Error(`unknown setup ${setup}`);
  }
}

const server = createServer(build());
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => process.exit(0));
