import { expect, screenshot, signInAs, test } from './fixtures.js';

test.use({ viewport: { width: 390, height: 844 } });

test('usable on a phone: no sideways scrolling of the page', async ({ page }) => {
  await signInAs(page, 'front desk');
  await expect(page.getByRole('table', { name: 'Patients' })).toBeVisible();
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(page, 'patients-phone');

  await page.getByLabel('Search patients').fill('Rivera');
  await page.getByRole('row', { name: /Jordan Rivera/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Rivera' })).toBeVisible();
  await page.getByRole('button', { name: 'Book an appointment' }).click();
  await expect(page.getByLabel('Practitioner', { exact: true })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
  await screenshot(page, 'patient-phone');

  await page.getByRole('link', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { name: 'Schedule' })).toBeVisible();
  expect(await overflow()).toBeLessThanOrEqual(0);
});
