import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import { NextRequest } from 'next/server.js';
import { clinikFetchProxy } from '../mounts/fetch.js';
import { clinikProxy } from '../mounts/node.js';
import type { ClinikProxyOptions, ProxyHealth } from '../types.js';

/** A user as the tests' authentication knows them. */
export interface MountUser {
  id: string;
  patientId?: string;
}

/** A request header, whichever mount's request object carries it. */
export function headerOf(req: IncomingMessage | Request, name: string): string | undefined {
  if (typeof (req.headers as Headers).get === 'function') {
    return (req.headers as Headers).get(name) ?? undefined;
  }
  const value = (req as IncomingMessage).headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Test authentication: the user named by `x-test-user` (never forwarded upstream). */
export function mountAuth(req: IncomingMessage | Request): MountUser | null {
  const id = headerOf(req, 'x-test-user');
  if (!id) return null;
  const patientId = headerOf(req, 'x-test-patient');
  return patientId ? { id, patientId } : { id };
}

export type MountOptions = Omit<
  ClinikProxyOptions<MountUser, IncomingMessage & Request>,
  'authenticate' | 'mountPath'
>;

export interface Mounted {
  /** Origin of the app; the proxy answers under `${url}/api/clinik`. */
  url: string;
  port: number;
  close(): Promise<void>;
  /** The mounted proxy's `health()`. */
  health(): Promise<ProxyHealth>;
}

async function listen(server: ReturnType<typeof createServer>): Promise<Omit<Mounted, 'health'>> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Every way to mount the proxy at /api/clinik, each serving on 127.0.0.1: the suite in
 * mounts.test.ts runs the same requests against all of them.
 */
export const MOUNTS: Record<string, (options: MountOptions) => Promise<Mounted>> = {
  async express(options) {
    const proxy = clinikProxy<MountUser, express.Request>({
      ...(options as ClinikProxyOptions<MountUser, express.Request>),
      authenticate: mountAuth,
    });
    const app = express();
    app.use('/api/clinik', proxy); // before express.json(), as the README says
    app.use(express.json());
    const mounted = await listen(createServer(app));
    return {
      ...mounted,
      close: () => mounted.close().then(() => proxy.close()),
      health: () => proxy.health(),
    };
  },

  async 'node:http'(options) {
    const proxy = clinikProxy<MountUser>({
      ...(options as ClinikProxyOptions<MountUser>),
      authenticate: mountAuth,
      mountPath: '/api/clinik',
    });
    const mounted = await listen(createServer((req, res) => proxy(req, res)));
    return {
      ...mounted,
      close: () => mounted.close().then(() => proxy.close()),
      health: () => proxy.health(),
    };
  },

  async 'next.js route handler'(options) {
    // app/api/clinik/[...path]/route.ts: `export const { GET, POST, ... } = proxy.handlers`.
    const proxy = clinikFetchProxy<MountUser, NextRequest>({
      ...(options as ClinikProxyOptions<MountUser, NextRequest>),
      authenticate: mountAuth,
      mountPath: '/api/clinik',
    });
    const route = proxy.handlers as Record<
      string,
      (request: NextRequest, context: { params: Promise<{ path: string[] }> }) => Promise<Response>
    >;
    // What Next.js does for that route file: a NextRequest for paths under the catch-all, the
    // exported handler of the method (405 without one), the Response streamed back.
    const app = new Hono();
    app.all('*', (c) => {
      const { pathname } = new URL(c.req.url);
      if (!pathname.startsWith('/api/clinik/')) return new Response(null, { status: 404 });
      const handler = route[c.req.method];
      if (!handler) return new Response(null, { status: 405 });
      const path = pathname.slice('/api/clinik/'.length).split('/');
      const raw = c.req.raw;
      const hasBody = raw.method !== 'GET' && raw.method !== 'HEAD';
      const request = new NextRequest(raw.url, {
        method: raw.method,
        headers: raw.headers,
        body: hasBody ? raw.body : null,
        signal: raw.signal,
        ...(hasBody ? { duplex: 'half' } : {}),
      } as ConstructorParameters<typeof NextRequest>[1]);
      return handler(request, { params: Promise.resolve({ path }) });
    });
    const mounted = await listen(createAdaptorServer({ fetch: app.fetch }) as never);
    return {
      ...mounted,
      close: () => mounted.close().then(() => proxy.close()),
      health: () => proxy.health(),
    };
  },

  async hono(options) {
    const proxy = clinikFetchProxy<MountUser>({
      ...(options as ClinikProxyOptions<MountUser, Request>),
      authenticate: mountAuth,
      mountPath: '/api/clinik',
    });
    const app = new Hono();
    app.all('/api/clinik/*', (c) => proxy.fetch(c.req.raw));
    const mounted = await listen(createAdaptorServer({ fetch: app.fetch }) as never);
    return {
      ...mounted,
      close: () => mounted.close().then(() => proxy.close()),
      health: () => proxy.health(),
    };
  },

  async fetch(options) {
    // Bun.serve({ fetch: proxy.fetch }) / Deno.serve(proxy.fetch), here on node:http.
    const proxy = clinikFetchProxy<MountUser>({
      ...(options as ClinikProxyOptions<MountUser, Request>),
      authenticate: mountAuth,
      mountPath: '/api/clinik',
    });
    const mounted = await listen(createAdaptorServer({ fetch: proxy.fetch }) as never);
    return {
      ...mounted,
      close: () => mounted.close().then(() => proxy.close()),
      health: () => proxy.health(),
    };
  },
};
