// `npm test`: bootstraps the machine, then runs every check and test the project has, prints a
// summary table and a closing "N passed, N failed" line, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureDependencies,
  ensurePnpm,
  ensureSystemPackages,
  ROOT,
  toolEnv,
} from './bootstrap.mjs';
import { failureLines, flakyLines, listFailures } from './failures.mjs';
import { PUBLISHABLE_PACKAGES, SYSTEM_PACKAGES_FOR_TESTS } from './workspace.mjs';

const REPORT = join(ROOT, '.vitest-report.json');
const FLAKY_REPORT = join(ROOT, '.vitest-flaky.json');
const E2E_REPORT = join(ROOT, '.playwright-report.json');
const NEXT_E2E_REPORT = join(ROOT, 'examples', 'nextjs', '.playwright-report.json');
const results = [];

function step(name, command, args, options = {}) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  const seconds = (performance.now() - started) / 1000;
  const ok = result.status === 0;
  results.push({ name, ok, seconds });
  return ok;
}

ensureDependencies();
ensureSystemPackages(SYSTEM_PACKAGES_FOR_TESTS);
const pnpm = ensurePnpm();
const env = toolEnv(process.env.CI ? { FORCE_COLOR: '0' } : {});

step('build packages', pnpm, ['run', 'build'], { env });
step('typecheck (tsc -b)', pnpm, ['exec', 'tsc', '-b'], { env });
// What apps with `skipLibCheck: false` see: the bundled declarations of every entry point.
step(
  'published types (tsc, skipLibCheck off)',
  pnpm,
  ['exec', 'tsc', '-p', 'typetests/published/tsconfig.json'],
  { env },
);
// Vite apps per page against the built packages (packages/react/bench/size/pages.mjs).
step(
  'size budgets per page @clinikapi/react',
  pnpm,
  ['--filter', '@clinikapi/react', 'run', 'size'],
  {
    env,
  },
);
step(
  'lint + format (biome ci)',
  pnpm,
  ['exec', 'biome', 'ci', '.', ...(process.env.CI ? ['--colors=off'] : [])],
  {
    env,
  },
);
for (const pkg of PUBLISHABLE_PACKAGES) {
  const dir = join('packages', pkg);
  step(`publint ${pkg}`, pnpm, ['exec', 'publint', 'run', dir, '--strict'], { env });
  step(
    `attw ${pkg}`,
    pnpm,
    ['exec', 'attw', '--pack', dir, '--profile', 'node16', '--format', 'table-flipped'],
    {
      env,
    },
  );
}

rmSync(REPORT, { force: true });
rmSync(FLAKY_REPORT, { force: true });
// On CI a failed test runs once more; one that then passes is named in the summary as flaky.
const retry = process.env.CI ? ['--retry=1', '--reporter=./scripts/flaky-reporter.mjs'] : [];
step(
  'unit + integration tests (vitest)',
  pnpm,
  [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${REPORT}`,
    ...retry,
  ],
  { env: { ...env, FLAKY_REPORT } },
);

// End-to-end: the demo app (built UI + server + proxy + sandbox) in Debian's Chromium.
const demoDir = join(ROOT, 'apps', 'demo');
if (existsSync(join(demoDir, 'playwright.config.ts'))) {
  rmSync(E2E_REPORT, { force: true });
  step('build demo UI (vite)', pnpm, ['--filter', '@clinikapi/demo', 'run', 'build'], { env });
  step(
    'end-to-end tests (playwright, chromium)',
    pnpm,
    ['exec', 'playwright', 'test', '--reporter=list,json'],
    {
      env: {
        ...env,
        PLAYWRIGHT_JSON_OUTPUT_NAME: E2E_REPORT,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      },
      cwd: demoDir,
    },
  );
}

// The Next.js example: `next build` with no ClinikAPI variables in the environment (the proxy
// checks its options at the first request), then its browser test against an in-memory sandbox.
const nextDir = join(ROOT, 'examples', 'nextjs');
if (existsSync(join(nextDir, 'playwright.config.ts'))) {
  rmSync(NEXT_E2E_REPORT, { force: true });
  const buildEnv = { ...env };
  for (const name of ['CLINIKAPI_URL', 'CLINIKAPI_SECRET_KEY', 'CLINIKAPI_WEBHOOK_SECRET']) {
    delete buildEnv[name];
  }
  step(
    'build example nextjs (next build, no key)',
    pnpm,
    ['--filter', '@clinikapi/example-nextjs', 'run', 'build'],
    { env: { ...buildEnv, NEXT_TELEMETRY_DISABLED: '1' } },
  );
  step(
    'example nextjs end-to-end (playwright)',
    pnpm,
    ['exec', 'playwright', 'test', '--reporter=list,json'],
    {
      env: {
        ...env,
        NEXT_TELEMETRY_DISABLED: '1',
        PLAYWRIGHT_JSON_OUTPUT_NAME: NEXT_E2E_REPORT,
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
      },
      cwd: nextDir,
    },
  );
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(REPORT)) {
  const report = JSON.parse(readFileSync(REPORT, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
for (const report of [E2E_REPORT, NEXT_E2E_REPORT]) {
  if (!existsSync(report)) continue;
  const { stats } = JSON.parse(readFileSync(report, 'utf8'));
  passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  failed += stats?.unexpected ?? 0;
  skipped += stats?.skipped ?? 0;
}

process.stdout.write('\n=== summary ===\n');
for (const r of results) {
  process.stdout.write(
    `${r.ok ? 'PASS' : 'FAIL'}  ${r.name.padEnd(44)} ${r.seconds.toFixed(1).padStart(6)} s\n`,
  );
}
const failedSteps = results.filter((r) => !r.ok);
if (failedSteps.length > 0) {
  process.stdout.write(
    `\n${failedSteps.length} step(s) failed: ${failedSteps.map((r) => r.name).join(', ')}\n`,
  );
}
if (passed === 0 && failed === 0) failed = 1; // a run that executed no test is a failure
process.stdout.write(
  `tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`,
);
// Last, so it is in the tail that CI shows: which tests failed, and the first line of why.
const failures = listFailures({
  vitest: REPORT,
  playwright: [E2E_REPORT, NEXT_E2E_REPORT],
  root: ROOT,
});
for (const line of failureLines(failures)) process.stdout.write(`${line}\n`);
for (const line of flakyLines(FLAKY_REPORT, ROOT)) process.stdout.write(`${line}\n`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
