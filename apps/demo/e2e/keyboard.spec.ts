import type { Page } from '@playwright/test';
import { expect, expectAccessible, screenshot, test } from './fixtures.js';

/** Presses Tab until the focused element has this accessible name (keyboard only, no clicks). */
async function tabTo(page: Page, name: string | RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label');
      const byId = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (labelled ?? byId ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`could not reach ${String(name)} with Tab`);
}

test('create a new patient and book their first appointment with the keyboard only', async ({
  page,
}) => {
  await page.goto('/');
  await tabTo(page, 'Sign in as front desk');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/patients$/);

  await tabTo(page, 'New patient');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New patient' })).toBeVisible();
  await expectAccessible(page, 'new patient form');
  await screenshot(page, 'new-patient');

  const suffix = Date.now().toString(36);
  await tabTo(page, 'First name');
  await page.keyboard.type('Kim');
  await tabTo(page, 'Last name');
  await page.keyboard.type(`Keyboard${suffix}`);
  await tabTo(page, 'Date of birth');
  await page.keyboard.type('03141990'); // the native date input, en-US order
  await tabTo(page, 'Phone');
  await page.keyboard.type('+1 555 0123');
  await tabTo(page, 'Save patient');
  await page.keyboard.press('Enter');

  // The new patient's page opens with the booking form.
  await expect(
    page.getByRole('heading', { level: 1, name: `Kim Keyboard${suffix}` }),
  ).toBeVisible();
  await tabTo(page, 'Practitioner');
  await page.keyboard.press('ArrowDown'); // first practitioner
  await tabTo(page, 'Date');
  const slot = page.getByRole('button', { name: /^\d{1,2}:\d{2}/ }).first();
  for (let offset = 1; offset <= 14; offset++) {
    const day = new Date(Date.now() + offset * 86_400_000);
    const typed = `${String(day.getUTCMonth() + 1).padStart(2, '0')}${String(day.getUTCDate()).padStart(2, '0')}${day.getUTCFullYear()}`;
    await page.keyboard.type(typed);
    if (
      await slot.waitFor({ timeout: 4000 }).then(
        () => true,
        () => false,
      )
    )
      break;
  }
  const time = (await slot.textContent())?.trim() ?? '';
  await tabTo(page, time);
  await page.keyboard.press('Enter');
  await tabTo(page, 'Reason');
  await page.keyboard.type('First visit');
  await tabTo(page, 'Book appointment');
  await page.keyboard.press('Enter');

  await expect(page.getByText('First visit').first()).toBeVisible();
  await expect(page.getByText('Booked').first()).toBeVisible();
});
