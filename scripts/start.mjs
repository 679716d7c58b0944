// `npm start`: bootstraps a fresh machine, builds the packages and the demo UI, then starts the
// demo front desk (its server starts the file-backed sandbox, seeded on the first start).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ensureDependencies, pnpm, ROOT, toolEnv } from './bootstrap.mjs';

ensureDependencies();
const env = toolEnv();
pnpm(['run', 'build'], { env });
pnpm(['--filter', '@clinikapi/demo', 'run', 'build'], { env });

const demoDir = join(ROOT, 'apps', 'demo');
const tsx = createRequire(join(demoDir, 'package.json')).resolve('tsx/cli');
const child = spawn(process.execPath, [tsx, 'server/main.ts'], {
  stdio: 'inherit',
  cwd: demoDir,
  env: { NODE_ENV: 'production', ...env },
});
// Ctrl+C reaches the child through the terminal's process group; wait for it to stop cleanly.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
