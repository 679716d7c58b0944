import type { Locator } from '@playwright/test';

/** Chooses the first practitioner of the booking form (a native select or a listbox). */
export async function pickFirstPractitioner(control: Locator) {
  const tag = await control.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    const values = await control
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await control.selectOption(values[0] ?? '');
    return;
  }
  await control.click();
  await control.page().getByRole('option').first().click();
}

/** Tries the next days until one offers free slots; returns the first slot button. */
export async function pickDayWithFreeSlots(form: Locator) {
  const date = form.getByLabel('Date');
  for (let offset = 1; offset <= 14; offset++) {
    const day = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await date.fill(day);
    const slot = form.getByRole('button', { name: /^\d{1,2}:\d{2}/ }).first();
    const shown = await slot
      .waitFor({ state: 'visible', timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return slot;
  }
  throw new Error('no free slot in the next 14 days');
}
