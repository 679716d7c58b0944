import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { envelope, sendJson, startUpstream, TEST_KEY } from './test/fake-upstream.js';
import { send, until } from './test/http.js';
import { asUser, startProxy } from './test/setup-proxy.js';

// The bulk download route against a data API that misbehaves: foreign links in the job, wrong
// media types, the key in the body or headers, oversized and stalled bodies, traversal attempts.
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
const JOB = 'job_0123456789abcdef';
const DOWNLOAD = `/api/clinik/v1/bulk/jobs/${JOB}/download`;
const LIMIT = 64 * 1024;

beforeAll(async () => {
  upstream = await startUpstream();
  proxy = await startProxy(upstream.url, {
    enable: { bulk: true },
    limits: { responseBytes: LIMIT },
    timeouts: { upstreamMs: 2000 },
  });
});
afterEach(() => {
  upstream.reset();
  proxy.log.lines.length = 0;
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

/** A GET that also reports a connection cut mid-body (instead of throwing). */
function fetchRaw(path: string, headers: Record<string, string> = asUser('staff')) {
  const url = new URL(proxy.url);
  return new Promise<{
    status: number;
    headers: Record<string, unknown>;
    body: string;
    complete: boolean;
  }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        const done = (complete: boolean) =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            complete,
          });
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(res.complete));
        res.on('error', () => done(false));
        res.on('aborted', () => done(false));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Warnings and errors the proxy logged (not the per-request info lines). */
const incidents = () => proxy.log.lines.filter((line) => line.level !== 'info');

const ndjson = (lines: number) =>
  Array.from({ length: lines }, (_, i) => JSON.stringify({ resourceType: 'Patient', id: `p${i}` }))
    .join('\n')
    .concat('\n');

describe('job links', () => {
  const job = (links: Record<string, unknown>) => ({
    id: JOB,
    type: 'export',
    status: 'completed',
    totalRecords: 1,
    processedRecords: 1,
    errors: [],
    ...links,
  });
  const statusOf = async (links: Record<string, unknown>) => {
    upstream.handler = (_req, res) => sendJson(res, 200, envelope(job(links)));
    const res = await send(proxy.url, `/api/clinik/v1/bulk/jobs/${JOB}`, {
      headers: asUser('staff'),
    });
    expect(res.status).toBe(200);
    return (res.json() as { data: Record<string, unknown> }).data;
  };

  it('point through the proxy when they name this job on the data API, relative or absolute', async () => {
    const local = DOWNLOAD;
    expect((await statusOf({ downloadUrl: `/v1/bulk/jobs/${JOB}/download` })).downloadUrl).toBe(
      local,
    );
    const absolute = `${upstream.url}/v1/bulk/jobs/${JOB}/download`;
    expect((await statusOf({ downloadUrl: absolute })).downloadUrl).toBe(local);
    expect(incidents()).toEqual([]);
  });

  it.each([
    ['another host', `https://exports.example.net/v1/bulk/jobs/${JOB}/download`],
    [
      'a presigned storage URL',
      'https://bucket.s3.amazonaws.com/org_a/export.ndjson?X-Amz-Signature=abc',
    ],
    ['another job', '/v1/bulk/jobs/job_ffffffffffffffff/download'],
    ['a traversal', `/v1/bulk/jobs/${JOB}/../../patients/download`],
    ['an encoded traversal', `/v1/bulk/jobs/${JOB}/%2e%2e/download`],
    ['a query', `/v1/bulk/jobs/${JOB}/download?as=admin`],
    ['another scheme', `javascript:alert(1)//v1/bulk/jobs/${JOB}/download`],
    ['protocol-relative', `//evil.example/v1/bulk/jobs/${JOB}/download`],
    ['another path', '/v1/patients'],
    ['not a string', 42],
  ])(
    'are removed when they point to %s, and the removal is logged without the URL',
    async (_, url) => {
      const data = await statusOf({ downloadUrl: url });
      expect(data).not.toHaveProperty('downloadUrl');
      expect(data.id).toBe(JOB);
      expect(incidents()).toEqual([
        expect.objectContaining({ level: 'warn', dropped: 1, route: '/v1/bulk/jobs/:id' }),
      ]);
      if (typeof url === 'string') expect(proxy.log.text()).not.toContain(url);
    },
  );

  it('keep only the output entries that name this job (FHIR bulk-data `output`)', async () => {
    const data = await statusOf({
      output: [
        { type: 'Patient', url: `${upstream.url}/v1/bulk/jobs/${JOB}/download` },
        { type: 'Patient', url: 'https://elsewhere.example/out.ndjson' },
        { type: 'Observation' },
      ],
    });
    expect(data.output).toEqual([{ type: 'Patient', url: DOWNLOAD }]);
    expect(incidents()).toEqual([expect.objectContaining({ dropped: 2 })]);
  });

  it('a job body with the key is withheld whole, not cleaned', async () => {
    const data = job({ downloadUrl: `https://evil.example/?k=${TEST_KEY}` });
    upstream.handler = (_req, res) => sendJson(res, 200, envelope(data));
    const res = await send(proxy.url, `/api/clinik/v1/bulk/jobs/${JOB}`, {
      headers: asUser('staff'),
    });
    expect(res.status).toBe(502);
    expect(res.text).not.toContain(TEST_KEY);
  });
});

describe('the download', () => {
  it('streams: the client has the first lines before the data API has sent the rest', async () => {
    let release = () => {};
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson' });
      res.write(ndjson(3));
      release = () => res.end(ndjson(1));
    };
    const url = new URL(proxy.url);
    const received: string[] = [];
    const finished = new Promise<{ status: number; headers: Record<string, unknown> }>(
      (resolve) => {
        request(
          { host: url.hostname, port: url.port, path: DOWNLOAD, headers: asUser('staff') },
          (res) => {
            res.on('data', (c: Buffer) => received.push(c.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          },
        ).end();
      },
    );
    await until(() => received.join('').split('\n').length > 3);
    expect(received.join('')).toBe(ndjson(3));
    release();
    const res = await finished;
    expect(res.status).toBe(200);
    expect(received.join('')).toBe(ndjson(3) + ndjson(1));
    expect(res.headers).toMatchObject({
      'content-type': 'application/fhir+ndjson; charset=utf-8',
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${JOB}.ndjson"`,
      'x-content-type-options': 'nosniff',
    });
  });

  it('holds the data API back while the client does not read (memory stays bounded)', async () => {
    const big = await startProxy(upstream.url, {
      enable: { bulk: true },
      limits: { responseBytes: 64 * 1024 * 1024 },
    });
    const line = `${JSON.stringify({ resourceType: 'Patient', id: 'y'.repeat(4000) })}\n`;
    const total = 8000; // about 32 MB
    let written = 0;
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson' });
      const more = () => {
        while (written < total) {
          written++;
          if (!res.write(line)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    };
    try {
      const url = new URL(big.url);
      let received = 0;
      let ended = false;
      const res = await new Promise<import('node:http').IncomingMessage>((resolve) =>
        request(
          { host: url.hostname, port: url.port, path: DOWNLOAD, headers: asUser('staff') },
          resolve,
        ).end(),
      );
      res.pause();
      // Give the data API every chance to push the whole body through: wait until it stalls.
      let last = -1;
      let still = 0;
      while (still < 4 && written < total) {
        await new Promise((r) => setTimeout(r, 250));
        still = written === last ? still + 1 : 0;
        last = written;
      }
      const whilePaused = written;
      // Kernel socket buffers on two loopback hops hold several MB; the rest must wait.
      expect(whilePaused).toBeLessThan(total / 2);
      res.on('data', (c: Buffer) => {
        received += c.length;
      });
      res.on('end', () => {
        ended = true;
      });
      res.resume();
      await until(() => ended, 30_000);
      expect(written).toBe(total);
      expect(received).toBe(total * Buffer.byteLength(line));
    } finally {
      await big.close();
    }
  }, 60_000);

  it('is cut when the client reads nothing for timeouts.upstreamMs (no upstream held open for it)', async () => {
    const slow = await startProxy(upstream.url, {
      enable: { bulk: true },
      limits: { responseBytes: 64 * 1024 * 1024 },
      timeouts: { upstreamMs: 500 },
    });
    const line = `${JSON.stringify({ resourceType: 'Patient', id: 'z'.repeat(4000) })}\n`;
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson' });
      let left = 8000;
      const more = () => {
        while (left-- > 0) if (!res.write(line)) return void res.once('drain', more);
        res.end();
      };
      res.on('error', () => {});
      more();
    };
    try {
      const url = new URL(slow.url);
      const res = await new Promise<import('node:http').IncomingMessage>((resolve) =>
        request(
          { host: url.hostname, port: url.port, path: DOWNLOAD, headers: asUser('staff') },
          resolve,
        ).end(),
      );
      res.pause();
      const cut = () => slow.log.lines.filter((line) => line.level === 'error');
      await until(() => cut().length > 0, 15_000);
      expect(cut()).toEqual([expect.objectContaining({ cause: 'GATEWAY_TIMEOUT' })]);
      const complete = await new Promise<boolean>((resolve) => {
        res.on('end', () => resolve(res.complete));
        res.on('error', () => resolve(false));
        res.on('aborted', () => resolve(false));
        res.resume();
      });
      expect(complete).toBe(false);
    } finally {
      await slow.close();
    }
  }, 30_000);

  it('injects the key upstream and forwards none of the client credentials', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(ndjson(1));
    };
    const res = await fetchRaw(DOWNLOAD, {
      ...asUser('staff'),
      'x-api-key': 'clk_test_attackerattackerattacker',
      cookie: 'session=1',
      authorization: 'Bearer user-token',
    });
    expect(res.status).toBe(200);
    const seen = upstream.seen[0];
    expect(seen?.url).toBe(`/v1/bulk/jobs/${JOB}/download`);
    expect(seen?.headers['x-api-key']).toBe(TEST_KEY);
    expect(seen?.headers.cookie).toBeUndefined();
    expect(seen?.headers.authorization).toBeUndefined();
    expect(seen?.headers['x-test-user']).toBeUndefined();
  });

  it.each([
    ['text/html', 'text/html'],
    ['JSON with a 200', 'application/json'],
    ['no content type', undefined],
    ['octet-stream', 'application/octet-stream'],
  ])('is refused (502) when the data API sends %s', async (_, type) => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, type ? { 'content-type': type } : {});
      res.end('<script>alert(1)</script>\n');
    };
    const res = await fetchRaw(DOWNLOAD);
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'BAD_GATEWAY' });
    expect(res.body).not.toContain('<script>');
  });

  it('is refused when compressed (it could not be scanned)', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson', 'content-encoding': 'gzip' });
      res.end(Buffer.from([0x1f, 0x8b, 0, 0]));
    };
    expect((await fetchRaw(DOWNLOAD)).status).toBe(502);
  });

  it('is refused before any byte when a header carries the key', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson', 'x-debug-key': TEST_KEY });
      res.end(ndjson(1));
    };
    const res = await fetchRaw(DOWNLOAD);
    expect(res.status).toBe(502);
    expect(JSON.stringify(res)).not.toContain(TEST_KEY);
  });

  it('is cut, with no character of the key sent, when the body carries it (split across chunks)', async () => {
    const before = ndjson(2);
    const half = Math.floor(TEST_KEY.length / 2);
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson' });
      res.write(`${before}{"resourceType":"Basic","note":"${TEST_KEY.slice(0, half)}`);
      setTimeout(() => res.end(`${TEST_KEY.slice(half)}"}\n${ndjson(2)}`), 50);
    };
    const res = await fetchRaw(DOWNLOAD);
    expect(res.complete).toBe(false);
    expect(res.body).not.toContain(TEST_KEY.slice(0, half));
    expect(res.body.startsWith(before)).toBe(true);
    await until(() => incidents().length > 0);
    expect(incidents()).toContainEqual(
      expect.objectContaining({ level: 'error', cause: 'KEY_IN_RESPONSE' }),
    );
    expect(proxy.log.text()).not.toContain(TEST_KEY);
    await until(() => proxy.audit.events.length > 0);
    expect(proxy.audit.events.at(-1)).toMatchObject({ error: 'KEY_IN_RESPONSE' });
  });

  it('is refused when its declared length is over limits.responseBytes', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/fhir+ndjson',
        'content-length': String(LIMIT + 1),
      });
      res.end('x'.repeat(LIMIT + 1));
    };
    const res = await fetchRaw(DOWNLOAD);
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'BAD_GATEWAY' });
  });

  it('is cut at limits.responseBytes when the data API streams more without a length', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson' });
      const line = `${JSON.stringify({ resourceType: 'Patient', id: 'x'.repeat(1000) })}\n`;
      let sent = 0;
      const more = () => {
        if (sent > LIMIT * 4 || res.destroyed) return res.end();
        sent += line.length;
        res.write(line, () => setImmediate(more));
      };
      more();
    };
    const res = await fetchRaw(DOWNLOAD);
    expect(res.status).toBe(200);
    expect(res.complete).toBe(false);
    expect(Buffer.byteLength(res.body)).toBeLessThanOrEqual(LIMIT);
    await until(() => incidents().length > 0);
    expect(incidents()).toContainEqual(expect.objectContaining({ cause: 'RESPONSE_TOO_LARGE' }));
  });

  it('is cut when the data API goes silent mid-body', async () => {
    upstream.handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/fhir+ndjson' });
      res.write(ndjson(1));
    };
    const res = await fetchRaw(DOWNLOAD);
    expect(res.complete).toBe(false);
    expect(res.body).toBe(ndjson(1));
  }, 10_000);

  it('passes the data API errors on as usual: 404 as is, its 401 as a 502', async () => {
    upstream.handler = (_req, res) =>
      sendJson(res, 404, { error: 'NOT_FOUND', message: 'No export output', code: '404' });
    const missing = await fetchRaw(DOWNLOAD);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: 'NOT_FOUND' });
    upstream.handler = (_req, res) =>
      sendJson(res, 401, { error: 'KEY_REVOKED', message: 'revoked', code: '401' });
    const rejected = await fetchRaw(DOWNLOAD);
    expect(rejected.status).toBe(502);
    expect(JSON.parse(rejected.body)).toMatchObject({ error: 'UPSTREAM_KEY_REJECTED' });
  });
});

describe('the download route', () => {
  it.each([
    '/api/clinik/v1/bulk/jobs/../download',
    '/api/clinik/v1/bulk/jobs/%2e%2e/download',
    '/api/clinik/v1/bulk/jobs/..%2fpatients/download',
    `/api/clinik/v1/bulk/jobs/${JOB}%2fdownload`,
    '/api/clinik/v1/bulk/jobs/a%5cb/download',
    '/api/clinik/v1/bulk/jobs/%252e%252e/download',
    `/api/clinik/v1/bulk/jobs/${JOB}/download/extra`,
    `/api/clinik/v1/bulk/jobs/${JOB}/downloads`,
    `/api/clinik/v1/bulk/jobs/${JOB}/download/..`,
    '/api/clinik/v1/bulk/jobs//download',
    `/api/clinik/v1/bulk/jobs/${'a'.repeat(129)}/download`,
    `/api/clinik/v1/patients/${JOB}/download`,
    `/api/clinik/v1/fhir/Patient/${JOB}/download`,
    `/api/clinik/v1/bulk/export/${JOB}/download`,
    `/api/clinik/v1/bulk/jobs/${JOB}/download?format=csv`,
  ])('refuses %s without calling the data API', async (path) => {
    const res = await send(proxy.url, path, { headers: asUser('staff') });
    expect([400, 404]).toContain(res.status);
    expect(upstream.seen).toHaveLength(0);
  });

  it('takes GET only', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await send(proxy.url, DOWNLOAD, {
        method,
        headers: { ...asUser('staff'), 'content-type': 'application/json', origin: proxy.url },
        ...(method === 'DELETE' ? {} : { body: '{}' }),
      });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET');
    }
    expect(upstream.seen).toHaveLength(0);
  });

  it('is off with bulk off', async () => {
    const off = await startProxy(upstream.url);
    try {
      const res = await send(off.url, DOWNLOAD, { headers: asUser('staff') });
      expect(res.status).toBe(404);
      expect(upstream.seen).toHaveLength(0);
    } finally {
      await off.close();
    }
  });
});
