import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createFakeClinikApi } from './fakeApi.js';
import { serveFakeApi } from './fakeServer.js';

// The fake that component tests and static stories use must answer like the real sandbox
// (behind the real proxy). Same requests to both; the shapes of the answers must match.
let fake: Awaited<ReturnType<typeof serveFakeApi>>;
const real = () => inject('sandboxProxyUrl');
const unique = `Contract${Date.now().toString(36)}`;

beforeAll(async () => {
  fake = await serveFakeApi(createFakeClinikApi());
});
afterAll(() => fake.close());

/** Keys and value types, recursively; values themselves (ids, times) are left out. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shapeOf(value[0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shapeOf(inner)]),
    );
  }
  return value === null ? 'null' : typeof value;
}

async function call(baseUrl: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

async function both(method: string, path: string, body?: unknown) {
  const [a, b] = await Promise.all([
    call(fake.baseUrl, method, path, body),
    call(real(), method, path, body),
  ]);
  return { fake: a, real: b };
}

const withoutRateLimitMeta = (shape: unknown) => {
  const s = shape as { meta?: Record<string, unknown> };
  if (s.meta) {
    for (const key of Object.keys(s.meta)) if (key.startsWith('rateLimit')) delete s.meta[key];
  }
  return s;
};

describe('the fake API matches the sandbox behind the proxy', () => {
  it('create: status and record shape', async () => {
    const body = {
      firstName: 'Ada',
      lastName: unique,
      birthDate: '1990-06-15',
      gender: 'female',
      email: 'ada@example.test',
      phone: '+1-555-0100',
      address: { line: ['1 Main St'], city: 'Springfield', postalCode: '12345' },
    };
    const { fake: f, real: r } = await both('POST', '/v1/patients', body);
    expect(f.status).toBe(r.status);
    expect(withoutRateLimitMeta(shapeOf(f.body))).toEqual(withoutRateLimitMeta(shapeOf(r.body)));
  });

  it('search: page envelope, cursor and hasMore', async () => {
    await both('POST', '/v1/patients', { firstName: 'Grace', lastName: unique });
    const { fake: f, real: r } = await both('GET', `/v1/patients?name=${unique}&count=1`);
    expect(f.status).toBe(r.status);
    expect(withoutRateLimitMeta(shapeOf(f.body))).toEqual(withoutRateLimitMeta(shapeOf(r.body)));
    const page = (x: typeof f) => x.body?.data as { total: number; hasMore: boolean };
    expect(page(f)).toMatchObject({ total: 2, hasMore: true });
    expect(page(r)).toMatchObject({ total: 2, hasMore: true });
  });

  it('patch and delete: statuses and shapes', async () => {
    const created = await both('POST', '/v1/patients', { firstName: 'Alan', lastName: unique });
    const idOf = (x: typeof created.fake) => String((x.body?.data as { id?: string })?.id);
    const patch = { phone: '+1-555-0199' };
    const [fp, rp] = await Promise.all([
      call(fake.baseUrl, 'PATCH', `/v1/patients/${idOf(created.fake)}`, patch),
      call(real(), 'PATCH', `/v1/patients/${idOf(created.real)}`, patch),
    ]);
    expect(fp.status).toBe(rp.status);
    expect(withoutRateLimitMeta(shapeOf(fp.body))).toEqual(withoutRateLimitMeta(shapeOf(rp.body)));
    const [fd, rd] = await Promise.all([
      call(fake.baseUrl, 'DELETE', `/v1/patients/${idOf(created.fake)}`),
      call(real(), 'DELETE', `/v1/patients/${idOf(created.real)}`),
    ]);
    expect([fd.status, fd.body]).toEqual([204, undefined]);
    expect([rd.status, rd.body]).toEqual([204, undefined]);
  });

  it('422: error body and issues for a missing required field', async () => {
    const { fake: f, real: r } = await both('POST', '/v1/patients', { firstName: 'Ada' });
    expect(f.status).toBe(422);
    expect(r.status).toBe(422);
    expect(shapeOf(f.body)).toEqual(shapeOf(r.body));
    expect(f.body?.issues).toEqual(r.body?.issues);
    expect(f.body?.error).toBe(r.body?.error);
  });

  it('404: error body for an unknown id', async () => {
    const { fake: f, real: r } = await both('GET', '/v1/patients/no-such-patient');
    expect(f.status).toBe(404);
    expect(r.status).toBe(404);
    expect(f.body?.error).toBe(r.body?.error);
    expect(Object.keys(f.body ?? {}).sort()).toEqual(Object.keys(r.body ?? {}).sort());
  });
});
