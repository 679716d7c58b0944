import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorBody } from '@clinikapi/core';

/**
 * Serves a `Request -> Response` function over real HTTP on a loopback port, so components talk
 * to it through core's client and the network stack like they would to the proxy.
 */
export async function serveOnLoopback(handle: (request: Request) => Promise<Response>) {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers.set(key, value);
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && chunks.length > 0;
      const request = new Request(`http://127.0.0.1${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers,
        body: hasBody ? Buffer.concat(chunks) : undefined,
      });
      // A throwing handler answers like the API's 500: no stack, no internals.
      const response = await handle(request).catch(() =>
        Response.json(errorBody(500, 'INTERNAL_ERROR', 'Internal error'), { status: 500 }),
      );
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
