// Starts the demo server for the end-to-end run on an empty data directory, so every run seeds a
// new sandbox (and a new key) exactly as a first `npm start` on a fresh machine does.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const dataDir = process.env.DEMO_DATA_DIR;
if (!dataDir?.startsWith('/tmp/')) throw new Error('DEMO_DATA_DIR must be a /tmp directory');
rmSync(/** @type {string} */ (dataDir), { recursive: true, force: true });
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const child = spawn(process.execPath, [tsx, 'server/main.ts'], {
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
