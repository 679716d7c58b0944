import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../test/harness.js';
import { MonthlyQuota } from './monthly-quota.js';
import { RollingWindowLimiter } from './rate-limiter.js';

describe('RollingWindowLimiter', () => {
  it('frees capacity as old requests leave the 60 s window', () => {
    let now = 0;
    const limiter = new RollingWindowLimiter(60_000, () => now);
    expect(limiter.hit('org', 2)).toMatchObject({ allowed: true, remaining: 1, reset: 60 });
    now = 30_000;
    expect(limiter.hit('org', 2)).toMatchObject({ allowed: true, remaining: 0, reset: 30 });
    expect(limiter.hit('org', 2)).toMatchObject({ allowed: false, remaining: 0, reset: 30 });
    now = 60_001;
    expect(limiter.hit('org', 2)).toMatchObject({ allowed: true, remaining: 0 });
  });
});

describe('MonthlyQuota', () => {
  it('counts per calendar month in UTC and resets on the first', () => {
    let now = Date.UTC(2026, 0, 31, 23, 59, 0);
    const quota = new MonthlyQuota(() => now);
    expect(quota.hit('org', 1)).toMatchObject({ allowed: true, used: 1, remaining: 0, reset: 60 });
    expect(quota.hit('org', 1)).toMatchObject({ allowed: false, used: 1 });
    now = Date.UTC(2026, 1, 1, 0, 0, 1);
    expect(quota.hit('org', 1)).toMatchObject({ allowed: true, used: 1 });
  });
});

describe('monthly quota over HTTP', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ monthlyQuotas: { starter: 3 } });
  });
  afterAll(() => t.close());

  it('sends X-Quota headers and answers 429 MONTHLY_QUOTA_EXCEEDED when used up', async () => {
    const org = t.newOrg();
    await t.sandbox.setPlan(org, 'starter');
    const key = await t.keyFor(org);
    const first = await t.request('GET', '/v1/patients', { key });
    expect(first.headers.get('x-quota-limit')).toBe('3');
    expect(first.headers.get('x-quota-used')).toBe('1');
    expect(first.headers.get('x-quota-remaining')).toBe('2');
    expect(Number(first.headers.get('x-quota-reset'))).toBeGreaterThan(0);
    await t.request('GET', '/v1/patients', { key });
    await t.request('GET', '/v1/patients', { key });
    const over = await t.request('GET', '/v1/patients', { key });
    expect(over.status).toBe(429);
    expect(over.body.error).toBe('MONTHLY_QUOTA_EXCEEDED');
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // Pro organizations keep the default quota.
    const other = await t.request('GET', '/v1/patients', { key: await t.keyFor(t.newOrg()) });
    expect(other.headers.get('x-quota-limit')).toBe('1000000');
  });

  it('answers SANDBOX_QUOTA_EXCEEDED for an organization on the free Sandbox plan', async () => {
    const small = await startTestSandbox({ monthlyQuotas: { sandbox: 1 } });
    try {
      const org = small.newOrg();
      await small.sandbox.setPlan(org, 'sandbox');
      const key = await small.keyFor(org);
      expect((await small.request('GET', '/v1/patients', { key })).status).toBe(200);
      const over = await small.request('GET', '/v1/patients', { key });
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ error: 'SANDBOX_QUOTA_EXCEEDED', code: '429' });
    } finally {
      await small.close();
    }
  });
});
