import type { Page, Request } from '@playwright/test';
import { pickDayWithFreeSlots, pickFirstPractitioner } from './booking.js';
import { expect, signInAs, test } from './fixtures.js';

const REASON = 'Seen live in another browser (e2e)';

async function openBooking(page: Page, patientId: string) {
  await page.goto(`/patients/${patientId}`);
  await page.getByRole('button', { name: 'Book an appointment' }).click();
  const form = page
    .locator('form')
    .filter({ has: page.getByRole('button', { name: 'Book appointment' }) });
  await pickFirstPractitioner(form.getByLabel('Practitioner', { exact: true }));
  return form;
}

test('a booking in one browser shows up in another within 2 seconds, with no polling', async ({
  page,
  browser,
}) => {
  const other = await browser.newContext({ timezoneId: 'Asia/Kolkata' }); // a browser in another zone
  const watcher = await other.newPage();
  await signInAs(page, 'front desk');
  await signInAs(watcher, 'front desk');
  await expect(page).toHaveURL(/\/patients$/);
  await expect(watcher).toHaveURL(/\/patients$/);
  const patientId = await page.evaluate(async () => {
    const found = await (await fetch('/api/clinik/v1/patients?name=Rivera')).json();
    return found.data.data[0].id as string;
  });

  // The watcher looks at the same patient's appointments and the same free times.
  const watcherForm = await openBooking(watcher, patientId);
  const slot = await pickDayWithFreeSlots(watcherForm);
  const time = (await slot.textContent())?.trim() ?? '';
  const day = await watcherForm.getByLabel('Date').inputValue();
  await expect(watcher.getByRole('heading', { name: 'Appointments' }).first()).toBeVisible();

  // Once loaded, the watcher sends no API requests while nothing changes: no polling.
  const watcherCalls: Request[] = [];
  watcher.on('request', (request) => {
    if (request.url().includes('/api/clinik/v1/')) watcherCalls.push(request);
  });
  await watcher.waitForTimeout(3000);
  expect(watcherCalls.map((r) => r.url())).toEqual([]);

  // The other browser books that time.
  const form = await openBooking(page, patientId);
  await form.getByLabel('Date').fill(day);
  await form.getByRole('button', { name: time, exact: true }).click();
  await form.getByLabel('Reason').fill(REASON);
  await form.getByRole('button', { name: 'Book appointment' }).click();

  // Within 2 s the watcher shows the appointment and no longer offers the time.
  await expect(watcher.getByText(REASON).first()).toBeVisible({ timeout: 2000 });
  await expect(watcherForm.getByRole('button', { name: time, exact: true })).toHaveCount(0, {
    timeout: 2000,
  });
  expect(watcherCalls.length).toBeGreaterThan(0); // refetched because of the event, not a timer
  await other.close();
});
