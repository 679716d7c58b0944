import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';

const fixture = () =>
  JSON.parse(readFileSync('/tmp/clinik-example-nextjs-e2e.json', 'utf8')) as {
    ada: string;
    grace: string;
    key: string;
  };

/** Every response body the page received, to prove the key never reached the browser. */
function collectBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // Redirects and aborted requests have no body.
    }
  });
  return bodies;
}

async function signIn(page: Page) {
  await page.goto('/');
  const button = page.getByRole('button', { name: 'Sign in as the front desk' });
  await button.click();
  await expect(button).toBeHidden();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
}

test('lists patients through the route handler and opens one prefetched on the server', async ({
  page,
}) => {
  const { ada, key } = fixture();
  const bodies = collectBodies(page);
  await signIn(page);
  const row = page.getByRole('row', { name: /Lovelace/ });
  await expect(row).toBeVisible();
  await expect(page.getByRole('row', { name: /Hopper/ })).toBeVisible();
  await row.click();
  await expect(page).toHaveURL(new RegExp(`/patients/${ada}$`));
  await expect(page.getByText('Ada Lovelace').first()).toBeVisible();

  // Server-side prefetch: the first HTML of the patient page already shows the card with the
  // record (not a loading state waiting for the browser to fetch it).
  const html = await (await page.request.get(`/patients/${ada}`)).text();
  expect(html).toMatch(/class="ck-patient-card__name"[^>]*>Ada Lovelace</);
  for (const body of [...bodies, html]) expect(body).not.toContain(key);
});

test('refuses a cross-site form post to the proxy (CSRF) and keeps same-origin writes working', async ({
  page,
}) => {
  await signIn(page);
  const origin = new URL(page.url()).origin;
  // A page on another site posts a text/plain "JSON" body to the proxy.
  await page.route('http://attacker.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<form method="post" enctype="text/plain" action="${origin}/api/clinik/v1/patients">
        <input name='{"firstName":"Mallory","lastName":"Forged","x":"' value='"}'>
        <button>go</button></form>`,
    }),
  );
  await page.goto('http://attacker.test/');
  await page.getByRole('button', { name: 'go' }).click();
  await expect(page.locator('body')).toContainText('"error":"FORBIDDEN"');

  // The same user, same origin: the write goes through (and the forged one never did).
  await page.goto('/');
  const result = await page.evaluate(async () => {
    const created = await fetch('/api/clinik/v1/patients', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Real', lastName: 'Person' }),
    });
    const search = await fetch('/api/clinik/v1/patients?name=Mallory');
    return {
      created: created.status,
      forged: ((await search.json()) as { data: { total: number } }).data.total,
    };
  });
  expect(result).toEqual({ created: 201, forged: 0 });
});

test('the proxy answers 401 without a session and never exposes the key', async ({ request }) => {
  const res = await request.get('/api/clinik/v1/patients');
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ error: 'UNAUTHORIZED', code: '401' });
  expect(await res.text()).not.toContain(fixture().key);
});
