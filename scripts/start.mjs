// `npm start`: bootstraps a fresh machine, builds the packages and starts the main job.
// Today that is the local sandbox API with seed data; once apps/demo exists it starts the demo.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, pnpm, ROOT, toolEnv } from './bootstrap.mjs';

ensureDependencies();
pnpm(['run', 'build'], { env: toolEnv() });

const demo = join(ROOT, 'apps', 'demo', 'package.json');
const [command, args] = existsSync(demo)
  ? ['node', [join(ROOT, 'apps', 'demo', 'scripts', 'start.mjs')]]
  : [
      'node',
      [
        join(ROOT, 'packages', 'sandbox', 'dist', 'cli.js'),
        'serve',
        '--port',
        process.env.PORT ?? '4010',
        '--data-dir',
        join(ROOT, '.clinik-sandbox'),
        '--seed',
      ],
    ];

const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT, env: toolEnv() });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
