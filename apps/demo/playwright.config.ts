import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const PORT = Number(process.env.DEMO_E2E_PORT ?? 3917);
const E2E_DATA_DIR = process.env.DEMO_E2E_DATA_DIR ?? '/tmp/clinik-demo-e2e';

// End-to-end tests drive Debian's Chromium (Playwright cannot download browsers here) against the
// real demo server, proxy and a file-backed sandbox seeded from scratch for each run.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: chromiumLaunchOptions,
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'node e2e/serve-fresh.mjs',
    url: `http://localhost:${PORT}/auth/users`,
    reuseExistingServer: false,
    // First start seeds a new sandbox: minutes when the machine is shared and busy.
    timeout: 300_000,
    env: { PORT: String(PORT), DEMO_DATA_DIR: E2E_DATA_DIR, NODE_ENV: 'test' },
    stdout: 'pipe',
  },
});
