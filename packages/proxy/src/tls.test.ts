import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, sendJson, TEST_KEY } from './test/fake-upstream.js';
import { send } from './test/http.js';
import { asUser, startProxy } from './test/setup-proxy.js';

// The real data API is HTTPS: these run the proxy against a TLS upstream with a certificate made
// for the test (openssl, installed by the test bootstrap), trusted by nobody by default.
let dir: string;
let cert: Buffer;
let server: Server;
let url: string;
const seenKeys: unknown[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinik-tls-'));
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1'],
      ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'));
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert }, (req, res) => {
    seenKeys.push(req.headers['x-api-key']);
    sendJson(res, 200, envelope({ data: [], total: 0, cursor: null, hasMore: false }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('HTTPS upstream', () => {
  it('refuses an upstream whose certificate it cannot verify, before sending the key', async () => {
    seenKeys.length = 0;
    const proxy = await startProxy(url);
    try {
      const res = await send(proxy.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(res.status).toBe(502);
      expect(res.json()).toMatchObject({ error: 'BAD_GATEWAY' });
      expect(seenKeys).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it('trusts a private CA given through the dispatcher option', async () => {
    seenKeys.length = 0;
    const pool = new Pool(url, { connect: { ca: cert } });
    const proxy = await startProxy(url, { dispatcher: pool });
    try {
      const res = await send(proxy.url, '/api/clinik/v1/patients', { headers: asUser() });
      expect(res.status).toBe(200);
      expect(seenKeys).toEqual([TEST_KEY]);
    } finally {
      await proxy.close();
      await pool.close();
    }
  });
});
