import { expect, expectAccessible, screenshot, signInAs, test } from './fixtures.js';

test('patient portal: only their own record, other ids answer 404', async ({ page }) => {
  await signInAs(page, 'patient');
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'My record' })).toBeVisible();
  await expect(page.getByText('Jordan Rivera').first()).toBeVisible();
  await expectAccessible(page, 'patient portal');
  await screenshot(page, 'portal');

  // Staff pages do not exist for this user.
  await page.goto('/patients');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // Through the proxy, the patient list is narrowed to them and other records are invisible.
  const results = await page.evaluate(async () => {
    const list = await (await fetch('/api/clinik/v1/patients?count=100')).json();
    const ids = (list.data.data as Array<{ id: string }>).map((p) => p.id);
    const appointments = await (await fetch('/api/clinik/v1/appointments?count=100')).json();
    return {
      ids,
      appointmentPatients: (appointments.data.data as Array<{ patientId: string }>).map(
        (a) => a.patientId,
      ),
    };
  });
  expect(results.ids).toHaveLength(1);
  const [ownId] = results.ids;
  expect(new Set(results.appointmentPatients)).toEqual(
    new Set(results.appointmentPatients.length ? [ownId] : []),
  );

  const other = await page.evaluate(async () => {
    // Guessable ids of other patients: none may be read, whatever exists.
    const statuses = [];
    for (const id of ['pat_1', 'pat_2', 'patient-1', '1']) {
      statuses.push((await fetch(`/api/clinik/v1/patients/${id}`)).status);
    }
    return statuses;
  });
  expect(other.every((s) => s === 404)).toBe(true);
});
