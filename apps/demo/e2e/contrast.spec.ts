import type { Locator, Page } from '@playwright/test';
import { pickDayWithFreeSlots, pickFirstPractitioner } from './booking.js';
import { applyMode, installContrast, MODES } from './contrast.js';
import { expect, signInAs, test } from './fixtures.js';

/** Focuses `control` from the keyboard, so :focus-visible applies as it does for a Tab user. */
async function keyboardFocus(page: Page, control: Locator) {
  await control.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(control).toBeFocused();
}

// WCAG 1.4.11 (non-text contrast): a text field's boundary and a focus indicator need 3:1
// against what is next to them. Forced colours (Windows High Contrast) drops box-shadows and
// author colours, so there the indicator must be an outline (or a forced-colors rule).
test('text field borders and focus indicators: 3:1 in both themes, visible in forced colours', async ({
  page,
}) => {
  await signInAs(page, 'front desk');
  await page.goto('/patients/new');
  const field = page.getByLabel('First name');
  const save = page.getByRole('button', { name: 'Save patient' });
  await expect(save).toBeVisible();
  await installContrast(page);
  for (const mode of MODES) {
    await applyMode(page, mode);
    const boundary = await field.evaluate((el) => window.__ckContrast?.boundary(el));
    expect
      .soft(
        Math.max(boundary?.border ?? 1, boundary?.fill ?? 1),
        `${mode.name}: text field boundary ${JSON.stringify(boundary)}`,
      )
      .toBeGreaterThanOrEqual(3);
    for (const [name, control] of [
      ['text field', field],
      ['button', save],
    ] as const) {
      await keyboardFocus(page, control);
      const ring = await control.evaluate((el) => window.__ckContrast?.focus(el));
      const label = `${mode.name}: focus indicator of the ${name} ${JSON.stringify(ring)}`;
      if (mode.media.forcedColors === 'active') expect.soft(ring?.kind, label).toBe('outline');
      else expect.soft(ring?.kind, label).not.toBe('none');
      expect.soft(ring?.width ?? 0, label).toBeGreaterThanOrEqual(2);
      expect.soft(ring?.ratio ?? 1, label).toBeGreaterThanOrEqual(3);
    }
  }
});

// The chosen time of the booking form must stay visible in every mode, forced colours included
// (there the author's background colours are replaced: a forced-colors rule or an outline must
// mark it). "Visible": its fill, border or outline differs from an unchosen time's by 3:1.
test('the chosen time stands out in both themes and in forced colours', async ({ page }) => {
  await signInAs(page, 'front desk');
  await page.getByLabel('Search patients').fill('Rivera');
  await page.getByRole('row', { name: /Jordan Rivera/ }).click();
  await page.getByRole('button', { name: 'Book an appointment' }).click();
  const form = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Book appointment' }) });
  await pickFirstPractitioner(form.getByLabel('Practitioner', { exact: true }));
  const first = await pickDayWithFreeSlots(form);
  await first.click();
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  const other = form.locator('.ck-slot[aria-pressed="false"]').first();
  await form.getByLabel('Reason').focus(); // no focus ring on either time
  await installContrast(page);
  for (const mode of MODES) {
    await applyMode(page, mode);
    const [chosen, unchosen] = [
      await first.evaluate((el) => window.__ckContrast?.look(el)),
      await other.evaluate((el) => window.__ckContrast?.look(el)),
    ];
    const differences = await page.evaluate(
      ([a, b]) =>
        a && b
          ? (['fill', 'border', 'outline'] as const).map((part) =>
              window.__ckContrast ? window.__ckContrast.ratio(a[part], b[part]) : 1,
            )
          : [1],
      [chosen, unchosen] as const,
    );
    expect
      .soft(
        Math.max(...differences),
        `${mode.name}: chosen ${JSON.stringify(chosen)} vs ${JSON.stringify(unchosen)}`,
      )
      .toBeGreaterThanOrEqual(3);
  }
});
