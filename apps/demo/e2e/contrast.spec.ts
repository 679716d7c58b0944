import type { Locator, Page } from '@playwright/test';
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
