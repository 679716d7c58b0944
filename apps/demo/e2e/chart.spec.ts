import { expect, expectAccessible, screenshot, signInAs, test } from './fixtures.js';

test('front desk: the chart summarizes the record, and recorded vitals appear in it', async ({
  page,
}) => {
  await page.goto('/');
  await signInAs(page, 'front desk');
  const table = page.getByRole('table', { name: 'Patients' });
  await page.getByLabel('Search patients').fill('Rivera');
  await table.getByRole('row', { name: /Jordan Rivera/ }).click();
  await page.getByRole('link', { name: 'Open the chart' }).click();
  await expect(page).toHaveURL(/\/patients\/[A-Za-z0-9\-_.]+\/chart$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Chart: Jordan Rivera' })).toBeVisible();

  const summary = page.getByRole('region', { name: 'Chart summary' });
  await expect(summary.getByRole('region', { name: 'Allergies' })).not.toContainText('Loading');
  await expectAccessible(page, 'chart page');

  // Record a blood pressure and a heart rate; the summary shows them as coded vitals.
  await page.getByRole('button', { name: 'Record vitals' }).click();
  const vitals = page.locator('#vitals');
  await vitals.getByLabel('Systolic').fill('141');
  await vitals.getByLabel('Diastolic').fill('89');
  await vitals.getByLabel('Heart rate').fill('77');
  await vitals.getByRole('button', { name: 'Save vitals' }).click();
  const latest = summary.getByRole('region', { name: 'Latest vitals' });
  await expect(latest).toContainText('141/89');
  await expect(latest).toContainText('77');
  await screenshot(page, 'chart');
  await expectAccessible(page, 'chart page after recording vitals');

  // A section's form closes once saved: focus goes to the section's confirmation (a live region).
  await page.getByRole('button', { name: 'Add a problem' }).click();
  const problems = page.locator('#problems');
  await problems.getByLabel('Problem', { exact: true }).fill('Sprained ankle (e2e)');
  await problems.getByLabel('Verification').selectOption({ label: 'Confirmed' });
  await problems.getByRole('button', { name: 'Save problem' }).click();
  await expect(problems.getByRole('status').and(page.locator('.demo-confirmation'))).toHaveText(
    'Problem saved.',
  );
  await expect(problems.locator('.demo-confirmation')).toBeFocused();
  await expect(problems.getByRole('button', { name: 'Add a problem' })).toBeVisible();

  // The summary's links lead to each full widget on the page.
  await summary.getByRole('link', { name: 'All allergies' }).click();
  await expect(page).toHaveURL(/#allergies$/);
});
