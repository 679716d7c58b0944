import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clinikProxy, staff } from '@clinikapi/proxy';
import { createSandbox } from '@clinikapi/sandbox';

/**
 * The real stack behind the components: an in-memory sandbox (the data API) and
 * `@clinikapi/proxy` in front of it at `/api/clinik` on 127.0.0.1, which injects the key. The
 * browser side (our client) holds no key, exactly as in production.
 */
export async function startSandboxProxy(
  options: {
    seedPatients?: number;
    /** Search results lag writes by this long, like the hosted API's (~10 s). Defaults to 0. */
    searchLagMs?: number;
  } = {},
) {
  const org = 'org_react_tests';
  const sandbox = await createSandbox({ memory: true, searchLagMs: options.searchLagMs ?? 0 });
  const { url: target } = await sandbox.listen(0);
  if (options.seedPatients) {
    // Same seed value, same synthetic people: recordings are reproducible.
    await sandbox.seed({
      org,
      patients: options.seedPatients,
      practitioners: 1,
      weeks: 1,
      seedValue: 42,
    });
  }
  const { key } = await sandbox.keys.create({ org, env: 'test', scope: '*' });
  const proxy = clinikProxy<{ id: string }>({
    target,
    apiKey: key,
    // Tests act as one signed-in staff member; real apps bring their own authentication.
    authenticate: () => ({ id: 'staff_test' }),
    authorize: staff(),
    rateLimit: false,
    mountPath: '/api/clinik',
    logger: false,
  });
  const server = createServer((req, res) => proxy(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/clinik`,
    sandbox,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sandbox.close();
    },
  };
}
