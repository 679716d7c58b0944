import { pickDayWithFreeSlots, pickFirstPractitioner } from './booking.js';
import { expect, expectAccessible, screenshot, signInAs, test } from './fixtures.js';

const REASON = 'Knee pain after running (e2e)';

test('front desk: find a patient, edit the phone, book, see it everywhere, cancel', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Clinik front desk' })).toBeVisible();
  await expectAccessible(page, 'sign-in page');
  await screenshot(page, 'sign-in');

  await signInAs(page, 'front desk');
  await expect(page).toHaveURL(/\/patients$/);
  const table = page.getByRole('table', { name: 'Patients' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await expectAccessible(page, 'patient directory');
  await screenshot(page, 'patients');

  await page.getByLabel('Search patients').fill('Rivera');
  const row = table.getByRole('row', { name: /Jordan Rivera/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Rivera' })).toBeVisible();
  await expect(page).toHaveURL(/\/patients\/[A-Za-z0-9\-_.]+$/);

  // Edit the phone number.
  await page.getByRole('button', { name: 'Edit details' }).click();
  const phone = page.getByLabel('Phone');
  await phone.fill('+1 555 0199');
  await page.getByRole('button', { name: 'Save patient' }).click();
  // The form is gone: focus goes to the confirmation, which is also a live region.
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the details of Jordan Rivera.' }),
  ).toBeFocused();
  await expect(page.getByRole('button', { name: 'Edit details' })).toBeVisible();
  await expect(page.getByText('+1 555 0199')).toBeVisible();
  await expectAccessible(page, 'patient page');

  // Book an appointment in a free slot.
  await page.getByRole('button', { name: 'Book an appointment' }).click();
  const form = page
    .getByRole('form', { name: /book/i })
    .or(
      page.locator('form').filter({ has: page.getByRole('button', { name: 'Book appointment' }) }),
    );
  const practitioner = form.getByLabel('Practitioner', { exact: true });
  await expect(practitioner).toBeVisible();
  await pickFirstPractitioner(practitioner);
  const practitionerName =
    (await practitioner.locator('option:checked').textContent())?.split(' — ')[0]?.trim() ?? '';
  const slot = await pickDayWithFreeSlots(form);
  const slotName = (await slot.textContent())?.trim() ?? '';
  await slot.click();
  await form.getByLabel('Reason').fill(REASON);
  await screenshot(page, 'booking');
  await form.getByRole('button', { name: 'Book appointment' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Booked for \w+day, / })).toBeFocused();

  const appointments = page
    .getByRole('region', { name: 'Appointments' })
    .or(page.getByRole('list', { name: 'Appointments' }))
    .first();
  await expect(appointments.getByText(slotName).first()).toBeVisible();
  await screenshot(page, 'patient');

  // The practitioner's agenda shows the booking.
  await page.getByRole('link', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { name: 'Schedule' })).toBeVisible();
  const schedulePicker = page.getByLabel('Practitioner');
  const optionLabel = await schedulePicker
    .locator('option', { hasText: practitionerName })
    .first()
    .textContent();
  await schedulePicker.selectOption({ label: optionLabel ?? '' });
  await expect(page.getByRole('heading', { name: `Agenda of ${practitionerName}` })).toBeVisible();
  // The booking is in this week's agenda, or next week's when tomorrow starts a new week.
  const booked = page.getByText(REASON).first();
  if (
    !(await booked.waitFor({ timeout: 3000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(booked).toBeVisible();
  await expectAccessible(page, 'schedule');
  await screenshot(page, 'schedule');

  // Cancel it with a reason.
  await page.goBack();
  const item = page.locator('li.ck-appointment').filter({ hasText: REASON });
  await item.getByRole('button', { name: 'Cancel appointment' }).click();
  await item.getByLabel('Reason for cancelling').fill('Patient asked to cancel');
  await item.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(
    page.locator('li.ck-appointment[data-status="cancelled"]').filter({ hasText: REASON }),
  ).toBeVisible();
  // Confirmed in a live region, and focus did not fall to <body> with the removed panel.
  await expect(page.getByRole('status').filter({ hasText: /cancelled/i })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
  await expect(page.getByText('Cancelled').first()).toBeVisible();
});
