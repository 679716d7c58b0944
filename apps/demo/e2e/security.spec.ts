import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, secretKey, signInAs, test } from './fixtures.js';

test('forged headers from the page are refused', async ({ page }) => {
  await signInAs(page, 'front desk');
  await expect(page).toHaveURL(/\/patients$/);
  const statuses = await page.evaluate(async () => {
    const override = await fetch('/api/clinik/v1/patients', {
      headers: { 'X-HTTP-Method-Override': 'DELETE' },
    });
    const forgedKey = await fetch('/api/clinik/v1/patients?count=1', {
      headers: { 'x-api-key': 'clk_test_forgedforgedforged' },
    });
    const traversal = await fetch('/api/clinik/v1/patients/..%2f..%2fadmin');
    return {
      override: [override.status, (await override.json()).error],
      forgedKey: forgedKey.status,
      traversal: traversal.status,
    };
  });
  expect(statuses.override).toEqual([400, 'METHOD_OVERRIDE_REJECTED']);
  // The proxy never forwards a client's key (the sandbox would answer 401): the server's own key is used.
  expect(statuses.forgedKey).toBe(200);
  expect([400, 404]).toContain(statuses.traversal);
});

test('no built asset contains the secret key', () => {
  const key = secretKey();
  const dist = join(import.meta.dirname, '..', 'dist');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(dist);
  expect(files.length).toBeGreaterThan(1);
  for (const file of files) expect(readFileSync(file, 'utf8').includes(key), file).toBe(false);
});
