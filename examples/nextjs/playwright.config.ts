import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const PORT = Number(process.env.EXAMPLE_E2E_PORT ?? 3927);
const FIXTURE = '/tmp/clinik-example-nextjs-e2e.json';

// The built Next.js example (`next build` first) against an in-memory sandbox, in Debian's
// Chromium (Playwright cannot download browsers here).
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromiumLaunchOptions,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node e2e/serve.mjs',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(PORT), EXAMPLE_FIXTURE: FIXTURE },
    stdout: 'pipe',
  },
});
