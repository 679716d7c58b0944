import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Patient } from '@clinikapi/core';
import { createFakeClinikApi, type FakeClinikApi } from './fakeApi.js';

/** Serves a fake API over real HTTP on a loopback port, under the proxy path `/api/clinik`. */
export async function serveFakeApi(api: FakeClinikApi) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
      }
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      });
      const response = await api.handle(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/clinik`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * One loopback server per test file whose API can be replaced per test
 * (`const api = server.reset(makePatients(30))`), so tests stay independent without restarting it.
 */
export async function startFakeApiServer() {
  let current = createFakeClinikApi();
  const served = await serveFakeApi({
    handle: (request) => current.handle(request),
    get patients() {
      return current.patients;
    },
    get log() {
      return current.log;
    },
    failNext: (...args) => current.failNext(...args),
    hold: () => current.hold(),
  });
  return {
    ...served,
    reset(seed: Patient[] = []): FakeClinikApi {
      current = createFakeClinikApi(seed);
      return current;
    },
  };
}
