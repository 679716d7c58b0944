// Entry point of the demo server: `npm start` at the repository root runs this after building.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDemoApp } from './app.js';
import { startRuntime } from './runtime.js';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.DEMO_DATA_DIR ?? join(appDir, '.data'));

const runtime = await startRuntime(
  dataDir,
  process.env,
  `http://127.0.0.1:${port}/api/clinik/webhooks`,
);
const app = createDemoApp({
  target: runtime.target,
  apiKey: runtime.apiKey,
  directory: runtime.directory,
  staticDir: join(appDir, 'dist'),
  localSandbox: runtime.localSandbox,
  webhookSecret: runtime.webhookSecret,
  logger: false,
});

// Loopback only by default: the demo's one-click sign-in must not be reachable from the network.
const host = process.env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => {
  const source = runtime.localSandbox ? `the local sandbox (data in ${dataDir})` : runtime.target;
  process.stdout.write(
    `\nClinikAPI demo front desk: http://localhost:${port}\nData API: ${source}\nCtrl+C to stop.\n`,
  );
});
server.on('error', async (error: NodeJS.ErrnoException) => {
  process.stderr.write(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use: stop the other server or set PORT, e.g. PORT=3001 npm start\n`
      : `Could not start the demo server: ${error.message}\n`,
  );
  await runtime.close();
  process.exit(1);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  process.stdout.write('\nStopping...\n');
  await app.close(); // ends live event streams
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  await runtime.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
