import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { type AuditResult, audit, realContrastProblems } from './axe.js';
import { pickDayWithFreeSlots, pickFirstPractitioner } from './booking.js';
import { applyMode, THEMES } from './contrast.js';
import { expect, signInAs, test } from './fixtures.js';

/**
 * The audit of issue 19: axe (violations and "needs review") on every page of the demo in the
 * light and dark themes (forced colours has its own checks in contrast.spec.ts). Counts go to
 * test-results/a11y-audit.json and the log; the run fails on serious or critical violations and
 * on real contrast problems among the "needs review" results.
 */
const runs: { page: string; mode: string; result: AuditResult }[] = [];

async function auditEveryMode(page: Page, name: string) {
  for (const mode of THEMES) {
    await applyMode(page, mode);
    runs.push({ page: name, mode: mode.name, result: await audit(page) });
  }
  await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
}

const tally = (counts: Record<string, number>[]) => {
  const total: Record<string, number> = {};
  for (const count of counts)
    for (const [key, n] of Object.entries(count)) total[key] = (total[key] ?? 0) + n;
  return total;
};

test.afterAll(() => {
  const sum = (pick: (r: AuditResult) => number) =>
    runs.reduce((n, run) => n + pick(run.result), 0);
  const totals = {
    runs: runs.length,
    seriousOrCriticalNodes: sum(
      (r) => (r.violationNodes.serious ?? 0) + (r.violationNodes.critical ?? 0),
    ),
    violationNodes: sum((r) => Object.values(r.violationNodes).reduce((a, b) => a + b, 0)),
    contrastNeedsReview: sum((r) => r.contrast.length),
    contrastReal: sum((r) => realContrastProblems(r.contrast).length),
    contrastFalsePositives: sum((r) => r.contrast.length - realContrastProblems(r.contrast).length),
    incompleteNodes: sum((r) => Object.values(r.incompleteNodes).reduce((a, b) => a + b, 0)),
    violationsByImpact: tally(runs.map((run) => run.result.violationNodes)),
    violationsByRule: tally(runs.map((run) => run.result.violationRules)),
    contrastByVerdict: tally(
      runs.map((run) => tally(run.result.contrast.map((review) => ({ [review.verdict]: 1 })))),
    ),
  };
  const dir = join(import.meta.dirname, '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a11y-audit.json'), `${JSON.stringify({ totals, runs }, null, 2)}\n`);
  console.log(`a11y audit: ${JSON.stringify(totals)}`);
  for (const run of runs) {
    const real = realContrastProblems(run.result.contrast);
    if (run.result.serious.length || real.length)
      console.log(
        `  ${run.page} (${run.mode}): ${[...run.result.serious, ...real.map((r) => `${r.target} ${r.reason} ${r.verdict} ${r.ratio}:1 ${r.detail}`)].join('; ')}`,
      );
  }
});

test('accessibility audit: every page, light and dark', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in as front desk' })).toBeVisible();
  await auditEveryMode(page, 'sign-in');

  await signInAs(page, 'front desk');
  const table = page.getByRole('table', { name: 'Patients' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await auditEveryMode(page, 'patients');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel('Search patients').fill('zzzz-nobody');
  await expect(page.getByText(/No patients match/)).toBeVisible();
  await auditEveryMode(page, 'patients, phone, nothing found');
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto('/patients/new');
  await expect(page.getByRole('button', { name: 'Save patient' })).toBeVisible();
  await auditEveryMode(page, 'new patient');

  const patientId = await page.evaluate(async () => {
    const found = await (await fetch('/api/clinik/v1/patients?name=Rivera')).json();
    return found.data.data[0].id as string;
  });
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Rivera' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByRole('button', { name: 'Book an appointment' }).click();
  const form = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Book appointment' }) });
  await pickFirstPractitioner(form.getByLabel('Practitioner', { exact: true }));
  await (await pickDayWithFreeSlots(form)).click();
  await expect(page.getByLabel('Phone')).toBeVisible();
  await auditEveryMode(page, 'patient, editing and booking');

  await page.goto(`/patients/${patientId}/chart`);
  const summary = page.getByRole('region', { name: 'Chart summary' });
  await expect(summary.getByRole('region', { name: 'Allergies' })).not.toContainText('Loading');
  await page.getByRole('button', { name: 'Record vitals' }).click();
  await expect(page.locator('#vitals').getByLabel('Systolic')).toBeVisible();
  await auditEveryMode(page, 'chart, recording vitals');

  await page.goto('/schedule');
  await expect(page.getByRole('heading', { name: /^Agenda of / })).toBeVisible();
  await expect(page.locator('.ck-agenda-entry').first()).toBeVisible();
  await auditEveryMode(page, 'schedule');

  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await auditEveryMode(page, 'not found');

  const portal = await (await browser.newContext()).newPage();
  await signInAs(portal, 'patient');
  await expect(portal.getByRole('heading', { name: 'My record' })).toBeVisible();
  await expect(portal.getByRole('heading', { name: 'Appointments' })).toBeVisible();
  await auditEveryMode(portal, 'patient portal');
  await portal.context().close();

  for (const run of runs) {
    const label = `${run.page} (${run.mode})`;
    expect.soft(run.result.serious, `serious violations on ${label}`).toEqual([]);
    expect
      .soft(
        realContrastProblems(run.result.contrast).map(
          (r) => `${r.target}: ${r.reason} ${r.verdict} ${r.ratio}:1 (${r.detail})`,
        ),
        `contrast needing review on ${label}`,
      )
      .toEqual([]);
  }
});
