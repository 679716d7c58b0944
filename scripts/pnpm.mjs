// Runs the project's pinned pnpm (.tools/, installed on first use) with `.tools/node_modules/.bin`
// on PATH, so root scripts and the package scripts they start work however they were launched:
// `.tools/node_modules/.bin/pnpm run build`, `npm run build`, or a global pnpm. A bare `pnpm` in a
// root script fails unless pnpm happens to be on PATH (pnpm does not put itself there).
// Usage in package.json: "build": "node scripts/pnpm.mjs -r --filter './packages/*' run build"
import { spawnSync } from 'node:child_process';
import { ensurePnpm, toolEnv } from './bootstrap.mjs';

const result = spawnSync(ensurePnpm(), process.argv.slice(2), {
  stdio: 'inherit',
  env: toolEnv(),
});
if (result.error) throw result.error;
process.exit(result.status ?? 1);
