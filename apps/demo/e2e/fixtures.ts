import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page, type Response } from '@playwright/test';
import { audit, realContrastProblems } from './axe.js';

export const DATA_DIR = process.env.DEMO_E2E_DATA_DIR ?? '/tmp/clinik-demo-e2e';

/** The secret key the demo server created on its first start (never sent to the browser). */
export function secretKey(): string {
  const state = JSON.parse(readFileSync(join(DATA_DIR, 'demo-state.json'), 'utf8')) as {
    apiKey: string;
  };
  return state.apiKey;
}

/**
 * Every test records each response the browser receives (headers and bodies) and fails if the
 * secret key appears in any of them.
 */
export const test = base.extend<{ leakGuard: undefined }>({
  leakGuard: [
    async ({ page }, use) => {
      const key = secretKey();
      const seen: Promise<string | null>[] = [];
      page.on('response', (response: Response) => {
        seen.push(
          (async () => {
            const headers = JSON.stringify(await response.allHeaders());
            // Aborted or still-streaming responses have no complete body to scan: do not wait forever.
            const body = await Promise.race([
              response.body().catch(() => Buffer.alloc(0)),
              new Promise<Buffer>((resolve) => setTimeout(() => resolve(Buffer.alloc(0)), 5000)),
            ]);
            return headers.includes(key) || body.includes(key) ? response.url() : null;
          })(),
        );
      });
      await use(undefined);
      const leaks = (await Promise.all(seen)).filter(Boolean);
      expect(leaks, 'responses containing the secret key').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function signInAs(page: Page, who: 'front desk' | 'practitioner' | 'patient') {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${who}` }).click();
}

/**
 * axe-core on the current page: no serious or critical violations, and no real "needs review"
 * colour-contrast result (see `reviewContrast` in axe.ts for how axe's false positives, such as
 * text partly under a sticky header or outside the viewport, are told apart).
 */
export async function expectAccessible(page: Page, label: string) {
  const result = await audit(page);
  expect(result.serious, `accessibility of ${label}`).toEqual([]);
  expect(
    realContrastProblems(result.contrast).map(
      (r) =>
        `${r.target}: ${r.reason}, ${r.verdict} (${r.ratio ?? '?'}:1 of ${r.required ?? '?'}, ${r.detail ?? ''})`,
    ),
    `contrast needing review on ${label}`,
  ).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: join(import.meta.dirname, '..', 'test-results', 'screenshots', `${name}.png`),
    fullPage: true,
  });
}
