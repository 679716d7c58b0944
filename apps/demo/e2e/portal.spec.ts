import { expect, expectAccessible, screenshot, signInAs, test } from './fixtures.js';

test('patient portal: only their own record, other ids answer 404', async ({ page }) => {
  await signInAs(page, 'patient');
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: 'My record' })).toBeVisible();
  await expect(page).toHaveTitle('My record · Patient portal · ClinikAPI demo');
  await expect(page.getByText('Jordan Rivera').first()).toBeVisible();
  await expectAccessible(page, 'patient portal');
  await screenshot(page, 'portal');

  // Staff pages do not exist for this user.
  await page.goto('/patients');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Patient portal · ClinikAPI demo');

  // Through the proxy: no patient directory at all, and appointment searches narrowed to them.
  const results = await page.evaluate(async () => {
    const list = await fetch('/api/clinik/v1/patients?count=100');
    const appointments = await (await fetch('/api/clinik/v1/appointments?count=100')).json();
    return {
      listStatus: list.status,
      appointmentPatients: (appointments.data.data as Array<{ patientId: string }>).map(
        (a) => a.patientId,
      ),
    };
  });
  expect(results.listStatus).toBe(403);
  const ownId: string = await page.evaluate(
    async () => (await (await fetch('/auth/me')).json()).user.patientId,
  );
  expect(results.appointmentPatients.length).toBeGreaterThan(0);
  expect(results.appointmentPatients.every((id) => id === ownId)).toBe(true);

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
