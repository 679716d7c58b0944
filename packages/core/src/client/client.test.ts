import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ClinikApiError,
  ClinikAuthError,
  ClinikConfigError,
  ClinikConflictError,
  ClinikNetworkError,
  ClinikNotFoundError,
  ClinikPreconditionFailedError,
  ClinikRateLimitError,
  ClinikTimeoutError,
  ClinikValidationError,
} from '../errors.js';
import { envelope, type Handler, sendJson, startServer } from '../test/http-server.js';
import { createClinikClient, etagOf, metaOf } from './client.js';

const KEY = 'clk_test_0123456789abcdefSECRET';
let handler: Handler = (_req, res) => sendJson(res, 500, {});
const server = await startServer((req, res) => handler(req, res));
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

const client = createClinikClient({ baseUrl: server.url, apiKey: KEY, retries: 0 });

describe('resource calls', () => {
  it('reads a patient with the key header, unwraps the envelope and keeps meta reachable', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, envelope({ id: 'p1', firstName: 'Ada', lastName: 'L' }));
    const patient = await client.patients.read('p1');
    expect(patient).toEqual({ id: 'p1', firstName: 'Ada', lastName: 'L' });
    expect(metaOf(patient)).toMatchObject({ requestId: 'req_test1', rateLimitRemaining: 999 });
    const [req] = server.requests;
    expect(req?.method).toBe('GET');
    expect(req?.url).toBe('/v1/patients/p1');
    expect(req?.headers['x-api-key']).toBe(KEY);
    expect(req?.headers.accept).toBe('application/json');
  });

  it('serializes search parameters, skipping empty ones', async () => {
    handler = (_req, res) =>
      sendJson(res, 200, envelope({ data: [], total: 0, cursor: null, hasMore: false }));
    const page = await client.patients.search({
      name: 'ad a',
      active: true,
      count: 50,
      email: undefined,
    });
    expect(page).toEqual({ data: [], total: 0, cursor: null, hasMore: false });
    expect(server.requests[0]?.url).toBe('/v1/patients?name=ad+a&active=true&count=50');
  });

  it('creates with a JSON body, updates with PATCH and deletes (204)', async () => {
    handler = (req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
        return;
      }
      sendJson(
        res,
        req.method === 'POST' ? 201 : 200,
        envelope({ id: 'c1', ...JSON.parse(req.body) }),
      );
    };
    const created = await client.carePlans.create({ patientId: 'p1', status: 'active' });
    expect(created).toMatchObject({ id: 'c1', patientId: 'p1' });
    await client.resource('care-plans').update('c1', { status: 'completed' });
    await expect(client.carePlans.delete('c1')).resolves.toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /v1/care-plans',
      'PATCH /v1/care-plans/c1',
      'DELETE /v1/care-plans/c1',
    ]);
    expect(server.requests[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.requests[1]?.body ?? '')).toEqual({ status: 'completed' });
  });

  it('refuses ids that could change the path, without sending anything', async () => {
    for (const id of ['../admin', 'a/b', '..', '', 'x'.repeat(129), 'a%2fb']) {
      await expect(client.patients.read(id)).rejects.toMatchObject({ code: 'INVALID_ID' });
    }
    expect(server.requests).toHaveLength(0);
  });

  it('paginates across cursors until the last page', async () => {
    handler = (req, res) => {
      const cursor = new URL(req.url, 'http://x').searchParams.get('cursor');
      const pages: Record<string, unknown> = {
        none: { data: [{ id: 'a' }], total: 3, cursor: 'c2', hasMore: true },
        c2: { data: [{ id: 'b' }], total: 3, cursor: 'c3', hasMore: true },
        c3: { data: [{ id: 'c' }], total: 3, cursor: null, hasMore: false },
      };
      sendJson(res, 200, envelope(pages[cursor ?? 'none']));
    };
    const ids: string[] = [];
    for await (const page of client.paginate('patients', { name: 'x', count: 1 })) {
      ids.push(...page.data.map((p) => p.id));
    }
    expect(ids).toEqual(['a', 'b', 'c']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v1/patients?name=x&count=1',
      '/v1/patients?name=x&count=1&cursor=c2',
      '/v1/patients?name=x&count=1&cursor=c3',
    ]);
  });

  it('stops paginating when a server repeats a cursor', async () => {
    handler = (_req, res) =>
      sendJson(
        res,
        200,
        envelope({ data: [{ id: 'a' }], total: 9, cursor: 'same', hasMore: true }),
      );
    let pages = 0;
    for await (const _ of client.paginate('goals')) pages++;
    expect(pages).toBe(2);
  });
});

describe('versions (ETag / If-Match)', () => {
  it('remembers the ETag of what read, create and update returned, and sends If-Match when asked', async () => {
    let version = 3;
    handler = (req, res) => {
      if (req.method === 'DELETE') {
        res.writeHead(204).end();
        return;
      }
      if (req.method !== 'GET') version++;
      sendJson(res, req.method === 'POST' ? 201 : 200, envelope({ id: 'p1', v: version }), {
        etag: `W/"${version}"`,
      });
    };
    const read = await client.patients.read('p1');
    expect(etagOf(read)).toBe('W/"3"');
    const updated = await client.patients.update('p1', { phone: '555' }, { ifMatch: etagOf(read) });
    expect(etagOf(updated)).toBe('W/"4"');
    expect(etagOf({ ...updated })).toBeUndefined();
    const created = await client.patients.create({ firstName: 'A', lastName: 'B' });
    expect(etagOf(created)).toBe('W/"5"');
    await client.patients.delete('p1', { ifMatch: '*' });
    expect(server.requests.map((r) => [r.method, r.headers['if-match']])).toEqual([
      ['GET', undefined],
      ['PATCH', 'W/"3"'],
      ['POST', undefined],
      ['DELETE', '*'],
    ]);
  });

  it('has no ETag for a response that sent none', async () => {
    handler = (_req, res) => sendJson(res, 200, envelope({ id: 'p1' }));
    expect(etagOf(await client.patients.read('p1'))).toBeUndefined();
  });

  it('refuses an ifMatch that is not an entity tag, before sending anything', async () => {
    for (const bad of ['3', 'W/3', '"a"\r\nx-api-key: y', '"a" , "b', '']) {
      const error = await client.patients
        .update('p1', { phone: '1' }, { ifMatch: bad })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ClinikConfigError);
      expect(error).toMatchObject({ code: 'ERR_CLINIK_INVALID_ETAG' });
    }
    expect(server.requests).toHaveLength(0);
  });

  it('throws ClinikPreconditionFailedError, a kind of conflict, on 412', async () => {
    handler = (_req, res) =>
      sendJson(res, 412, {
        error: 'PRECONDITION_FAILED',
        message: 'The record has changed',
        code: '412',
        requestId: 'req_412',
      });
    const error = await client.patients
      .update('p1', { phone: '1' }, { ifMatch: 'W/"1"' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikPreconditionFailedError);
    expect(error).toBeInstanceOf(ClinikConflictError);
    expect(error).toMatchObject({ status: 412, code: 'PRECONDITION_FAILED', requestId: 'req_412' });
    // Not retried: a conditional write is not repeated behind the caller's back.
    expect(server.requests).toHaveLength(1);
  });
});

describe('errors', () => {
  const errorCases = [
    [401, 'INVALID_KEY', ClinikAuthError],
    [403, 'FORBIDDEN', ClinikAuthError],
    [404, 'NOT_FOUND', ClinikNotFoundError],
    [409, 'CONFLICT', ClinikConflictError],
    [400, 'INVALID_JSON', ClinikValidationError],
    [500, 'INTERNAL_ERROR', ClinikApiError],
  ] as const;

  it.each(errorCases)('maps %i %s to its typed error', async (status, code, ErrorClass) => {
    handler = (_req, res) =>
      sendJson(res, status, {
        error: code,
        message: 'Nope',
        code: String(status),
        requestId: 'req_e1',
      });
    const error = await client.patients.read('p1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code, requestId: 'req_e1', message: 'Nope' });
  });

  it('carries validation issues from a 422', async () => {
    const issues = [{ severity: 'error', code: 'required', diagnostics: 'firstName is required' }];
    handler = (_req, res) =>
      sendJson(res, 422, { error: 'VALIDATION_ERROR', message: 'Invalid', code: '422', issues });
    const error = await client.patients
      .create({ firstName: '', lastName: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikValidationError);
    expect((error as ClinikValidationError).issues).toEqual(issues);
    expect((error as ClinikValidationError).toJSON()).toEqual({
      error: 'VALIDATION_ERROR',
      message: 'Invalid',
      code: '422',
      issues,
    });
  });

  it('gives a 429 its retryAfter in seconds', async () => {
    handler = (_req, res) =>
      sendJson(
        res,
        429,
        { error: 'RATE_LIMITED', message: 'Slow down', code: '429' },
        { 'retry-after': '17' },
      );
    const error = await client.patients.search().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikRateLimitError);
    expect((error as ClinikRateLimitError).retryAfter).toBe(17);
  });

  it('handles a non-JSON error page without copying it into the message', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>upstream says Jane Doe DOB 1970-01-01</html>');
    };
    const error = (await client.patients.read('p1').catch((e: unknown) => e)) as ClinikApiError;
    expect(error).toBeInstanceOf(ClinikApiError);
    expect(error.status).toBe(502);
    expect(error.code).toBe('BAD_GATEWAY');
    expect(error.message).not.toContain('Jane');
  });

  it('reports malformed JSON in a success response as INVALID_RESPONSE', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data": {"id": "p1"');
    };
    await expect(client.patients.read('p1')).rejects.toMatchObject({
      status: 200,
      code: 'INVALID_RESPONSE',
    });
  });

  it('never follows redirects (the key must not travel to another host)', async () => {
    const elsewhere = await startServer((_req, res) =>
      sendJson(res, 200, envelope({ id: 'stolen' })),
    );
    handler = (_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/v1/patients/p1` });
      res.end();
    };
    await expect(client.patients.read('p1')).rejects.toBeInstanceOf(ClinikNetworkError);
    expect(elsewhere.requests).toHaveLength(0);
    await elsewhere.close();
  });

  it('reports an unreachable server as a network error', async () => {
    const closed = await startServer(() => {});
    const url = closed.url;
    await closed.close();
    const offline = createClinikClient({ baseUrl: url, retries: 0 });
    const error = await offline.patients.read('p1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikNetworkError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('never puts the key into an error message or serialized client', async () => {
    const errors: unknown[] = [];
    for (const status of [401, 404, 422, 500, 502]) {
      handler = (_req, res) =>
        sendJson(res, status, { error: 'X', message: 'm', code: String(status) });
      errors.push(await client.patients.read('p1').catch((e: unknown) => e));
    }
    const text = errors
      .map((e) => `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack}`)
      .join('\n');
    expect(text).not.toContain(KEY);
    expect(JSON.stringify(client)).not.toContain(KEY);
  });
});

describe('timeouts and aborts', () => {
  it('gives up after timeoutMs with a typed timeout error', async () => {
    handler = () => {}; // never answers
    const slow = createClinikClient({ baseUrl: server.url, timeoutMs: 50, retries: 0 });
    const error = await slow.patients.read('p1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClinikTimeoutError);
    expect(error).toMatchObject({ code: 'TIMEOUT', status: 0 });
  });

  it('rejects with the signal reason when the caller aborts', async () => {
    handler = () => {};
    const controller = new AbortController();
    const pending = client.patients.read('p1', { signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort(new Error('user left the page'));
    await expect(pending).rejects.toThrow('user left the page');
  });
});

describe('configuration', () => {
  it('requires a baseUrl and checks numeric options', () => {
    expect(() => createClinikClient({ baseUrl: '' })).toThrow(ClinikConfigError);
    expect(() => createClinikClient({ baseUrl: '/x', timeoutMs: -1 })).toThrow(/timeoutMs/);
    expect(() => createClinikClient({ baseUrl: '/x', retries: Number.NaN })).toThrow(/retries/);
  });

  describe('in a browser', () => {
    beforeAll(() => {
      vi.stubGlobal('window', { document: {} });
    });
    afterAll(() => {
      vi.unstubAllGlobals();
    });

    it('refuses an apiKey and explains the safe setup', () => {
      let error: unknown;
      try {
        createClinikClient({ baseUrl: 'https://api.clinikapi.com', apiKey: KEY });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ClinikConfigError);
      expect(error).toMatchObject({ code: 'ERR_CLINIK_KEY_IN_BROWSER' });
      expect((error as Error).message).toMatch(/proxy/);
      expect((error as Error).message).not.toContain(KEY);
    });

    it('allows a proxy client without a key, or a key with dangerouslyAllowBrowser', () => {
      expect(() => createClinikClient({ baseUrl: '/api/clinik' })).not.toThrow();
      expect(() =>
        createClinikClient({ baseUrl: '/api/clinik', apiKey: KEY, dangerouslyAllowBrowser: true }),
      ).not.toThrow();
    });
  });
});
