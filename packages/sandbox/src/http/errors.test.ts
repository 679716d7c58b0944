import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePatient, startTestSandbox, type TestSandbox } from '../test/harness.js';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox();
});
afterAll(() => t.close());

describe('authentication', () => {
  it('answers each 401 code', async () => {
    const org = t.newOrg();
    const expectCode = async (key: string | undefined, code: string) => {
      const res = await t.request('GET', '/v1/patients', key === undefined ? {} : { key });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: code, code: '401', requestId: expect.any(String) });
      if (key) expect(JSON.stringify(res.body)).not.toContain(key);
    };
    await expectCode(undefined, 'UNAUTHORIZED');
    await expectCode('sk_live_123', 'INVALID_KEY_FORMAT');
    await expectCode('clk_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'INVALID_KEY');

    const revoked = await t.sandbox.keys.create({ org, env: 'test', scope: '*' });
    expect((await t.request('GET', '/v1/patients', { key: revoked.key })).status).toBe(200);
    expect(await t.sandbox.keys.revoke(revoked.id)).toBe(true);
    await expectCode(revoked.key, 'KEY_REVOKED');

    const expired = await t.keyFor(org, { expiresAt: new Date(Date.now() - 1000) });
    await expectCode(expired, 'KEY_EXPIRED');
  });

  it('lists keys without their secret or hash', async () => {
    const org = t.newOrg();
    const { id, key } = await t.sandbox.keys.create({ org, env: 'live', scope: 'read' });
    const list = await t.sandbox.keys.list(org);
    expect(list).toEqual([
      expect.objectContaining({ id, org, env: 'live', scope: 'read', revokedAt: null }),
    ]);
    expect(JSON.stringify(list)).not.toContain(key.slice(9));
    const rows = await t.sandbox.internals.db.query<{ key_hash: string }>(
      'SELECT key_hash FROM api_keys WHERE id = $1',
      [id],
    );
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.key_hash).not.toContain(key);
  });

  it('enforces scopes', async () => {
    const org = t.newOrg();
    const readKey = await t.keyFor(org, { scope: 'read' });
    const writeKey = await t.keyFor(org, { scope: 'write' });
    expect((await t.request('GET', '/v1/patients', { key: readKey })).status).toBe(200);
    const denied = await t.request('POST', '/v1/patients', { key: readKey, body: samplePatient() });
    expect(denied.status).toBe(403);
    expect(denied.body.error).toBe('FORBIDDEN');
    const created = await t.request('POST', '/v1/patients', {
      key: writeKey,
      body: samplePatient(),
    });
    expect(created.status).toBe(201);
    expect((await t.request('GET', '/v1/patients', { key: writeKey })).status).toBe(403);
    const id = created.body.data.id;
    expect((await t.request('DELETE', `/v1/patients/${id}`, { key: readKey })).status).toBe(403);
    expect((await t.request('DELETE', `/v1/patients/${id}`, { key: writeKey })).status).toBe(204);
  });
});

describe('request hardening', () => {
  it.each(['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override'])(
    'rejects the %s header',
    async (header) => {
      const key = await t.keyFor(t.newOrg());
      const res = await t.request('POST', '/v1/patients', {
        key,
        body: samplePatient(),
        headers: { [header]: 'DELETE' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('METHOD_OVERRIDE_REJECTED');
    },
  );

  it('answers malformed and empty JSON with INVALID_JSON', async () => {
    const key = await t.keyFor(t.newOrg());
    for (const rawBody of ['{"firstName": ', '']) {
      const res = await t.request('POST', '/v1/patients', {
        key,
        rawBody,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('INVALID_JSON');
    }
  });

  it('answers a body over 1 MB with 413', async () => {
    const key = await t.keyFor(t.newOrg());
    const res = await t.request('POST', '/v1/patients', {
      key,
      rawBody: JSON.stringify({ ...samplePatient(), comment: 'x'.repeat(1024 * 1024) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown API version with 404 naming the supported ones', async () => {
    const res = await t.request('GET', '/v2/patients');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('NOT_FOUND');
    expect(res.body.message).toContain('v1');
  });

  it('answers unknown resources and malformed ids with 404', async () => {
    const key = await t.keyFor(t.newOrg());
    expect((await t.request('GET', '/v1/unicorns', { key })).status).toBe(404);
    expect((await t.request('GET', '/v1/patients/%2E%2E', { key })).status).toBe(404);
    expect((await t.request('GET', `/v1/patients/${'a'.repeat(129)}`, { key })).status).toBe(404);
    expect((await t.request('PUT', '/v1/patients', { key, body: {} })).status).toBe(405);
  });
});

describe('tenant isolation', () => {
  it('hides another organization and the other environment', async () => {
    const orgA = t.newOrg('a');
    const keyA = await t.keyFor(orgA);
    const keyB = await t.keyFor(t.newOrg('b'));
    const liveA = await t.keyFor(orgA, { env: 'live' });
    const created = await t.request('POST', '/v1/patients', { key: keyA, body: samplePatient() });
    const id = created.body.data.id;

    for (const key of [keyB, liveA]) {
      expect((await t.request('GET', `/v1/patients/${id}`, { key })).status).toBe(404);
      const patch = await t.request('PATCH', `/v1/patients/${id}`, {
        key,
        body: { lastName: 'X' },
      });
      expect(patch.status).toBe(404);
      expect((await t.request('DELETE', `/v1/patients/${id}`, { key })).status).toBe(404);
      const search = await t.request('GET', '/v1/patients?name=ada', { key });
      expect(search.body.data.total).toBe(0);
    }
    const mine = await t.request('GET', `/v1/patients/${id}`, { key: keyA });
    expect(mine.body.data.lastName).toBe('Lovelace');

    const [stored] = await t.sandbox.internals.db.query<{ resource: { meta: { tag: unknown[] } } }>(
      'SELECT resource FROM resources WHERE id = $1',
      [id],
    );
    expect(stored?.resource.meta.tag).toContainEqual({
      system: 'https://clinikapi.com/tenant',
      code: orgA,
    });
  });
});

describe('pagination', () => {
  it('clamps count, follows cursors to the last page and restarts on a bad cursor', async () => {
    const key = await t.keyFor(t.newOrg());
    for (let i = 0; i < 25; i++) {
      await t.request('POST', '/v1/patients', { key, body: samplePatient({ firstName: `P${i}` }) });
    }
    const page = async (query: string) =>
      (await t.request('GET', `/v1/patients?${query}`, { key })).body.data;

    for (const count of ['', 'count=0', 'count=-3', 'count=abc']) {
      expect((await page(count)).data).toHaveLength(20);
    }
    expect((await page('count=500')).data).toHaveLength(25);
    const first = await page('count=10');
    expect(first).toMatchObject({ total: 25, hasMore: true });
    const second = await page(`count=10&cursor=${first.cursor}`);
    const last = await page(`count=10&cursor=${second.cursor}`);
    expect(last).toMatchObject({ total: 25, hasMore: false, cursor: null });
    expect(last.data).toHaveLength(5);
    const ids = [...first.data, ...second.data, ...last.data].map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(25);

    const restarted = await page('count=10&cursor=not-a-cursor');
    expect(restarted.data.map((p: { id: string }) => p.id)).toEqual(
      first.data.map((p: { id: string }) => p.id),
    );
  });
});

describe('rate limits', () => {
  it('sends headers and meta, then 429 with Retry-After over the plan limit', async () => {
    const org = t.newOrg();
    await t.sandbox.setPlan(org, 'sandbox');
    const key = await t.keyFor(org);
    const first = await t.request('GET', '/v1/patients', { key });
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('99');
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    expect(first.body.meta).toMatchObject({ rateLimitTotal: 100, rateLimitRemaining: 99 });
    for (let i = 0; i < 99; i++) await t.request('GET', '/v1/patients', { key });
    const limited = await t.request('GET', '/v1/patients', { key });
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // Another organization is unaffected.
    const other = await t.request('GET', '/v1/patients', { key: await t.keyFor(t.newOrg()) });
    expect(other.status).toBe(200);
  });
});

describe('internal errors', () => {
  it('answers 500 INTERNAL_ERROR without internals when the database fails', async () => {
    const broken = await startTestSandbox();
    const key = await broken.keyFor(broken.newOrg());
    await broken.sandbox.internals.db.close();
    const res = await broken.request('GET', '/v1/patients', { key });
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({
      error: 'INTERNAL_ERROR',
      message: 'Internal error',
      code: '500',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/pglite|stack|at /i);
    await broken.close().catch(() => {});
  });
});
