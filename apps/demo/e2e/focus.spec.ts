import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** The app's polite live region for route changes. */
const announcer = (page: Page) => page.locator('#demo-announcer[aria-live="polite"]');

/** After a navigation: the new page's h1 has focus, the title names it, the region says it. */
async function expectArrived(
  page: Page,
  heading: string,
  { title, said = heading }: { title: string; said?: string },
) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
  await expect(page).toHaveTitle(title);
  await expect(announcer(page)).toHaveText(said);
}

const frontDesk = (page: string) => `${page} · Front desk · ClinikAPI demo`;

test('route changes: a title per page, announced, focus on the new heading', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Sign in · ClinikAPI demo');
  await page.getByRole('button', { name: 'Sign in as front desk' }).click();
  await expectArrived(page, 'Patients', { title: frontDesk('Patients') });

  // Opening a patient (the row's own action), the chart, and back. Titles do not name the
  // patient (they end up in the browser's history); the announcement does.
  await page.getByLabel('Search patients').fill('Rivera');
  await page.getByRole('row', { name: /Jordan Rivera/ }).click();
  await expectArrived(page, 'Jordan Rivera', { title: frontDesk('Patient record') });
  await page.getByRole('link', { name: 'Open the chart' }).click();
  await expectArrived(page, 'Chart: Jordan Rivera', { title: frontDesk('Chart') });
  await page.goBack();
  await expectArrived(page, 'Jordan Rivera', { title: frontDesk('Patient record') });

  await page.getByRole('link', { name: 'Schedule' }).click();
  await expectArrived(page, 'Schedule', { title: frontDesk('Schedule') });

  // A page load keeps the browser's focus, but the title is the page's.
  await page.goto('/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle(frontDesk('Page not found'));
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expectArrived(page, 'Patients', { title: frontDesk('Patients') });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectArrived(page, 'Clinik front desk', {
    title: 'Sign in · ClinikAPI demo',
    said: 'Sign in',
  });
});
