import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyWebhook } from '@clinikapi/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureCli } from '../test/cli-io.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinik-cli-webhooks-'));
  dirs.push(dir);
  return dir;
};

// A receiver for the deliveries.
const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const receiver = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => {
    body += c;
  });
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});
let hookUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(() => {
  receiver.closeAllConnections();
  receiver.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const cli = captureCli;

describe('clinik-sandbox webhooks', () => {
  it('adds, lists, rotates and removes endpoints, printing each secret once', async () => {
    const dataDir = tempDir();
    const add = cli();
    expect(
      await add.run(
        'webhooks',
        'add',
        '--org',
        'org_w',
        '--url',
        hookUrl,
        '--events',
        'appointment.*,patient.*',
        '--json',
        '--data-dir',
        dataDir,
      ),
    ).toBe(0);
    const { endpoint, secret } = JSON.parse(add.io.out) as {
      endpoint: { id: string };
      secret: string;
    };
    expect(secret).toMatch(/^whsec_/);

    const list = cli();
    expect(await list.run('webhooks', 'list', '--org', 'org_w', '--data-dir', dataDir)).toBe(0);
    expect(list.io.out).toContain(endpoint.id);
    expect(list.io.out).toContain('appointment.*,patient.*');
    expect(list.io.out).not.toContain(secret);

    const rotate = cli();
    expect(
      await rotate.run('webhooks', 'rotate', endpoint.id, '--grace', '1h', '--data-dir', dataDir),
    ).toBe(0);
    expect(rotate.io.out).toMatch(/whsec_/);
    expect(rotate.io.out).not.toContain(secret);
    expect(rotate.io.out).toContain('3600 s');

    const deliveries = cli();
    expect(
      await deliveries.run(
        'webhooks',
        'deliveries',
        '--endpoint',
        endpoint.id,
        '--data-dir',
        dataDir,
      ),
    ).toBe(0);
    expect(deliveries.io.out).toContain('No deliveries');

    const remove = cli();
    expect(await remove.run('webhooks', 'remove', endpoint.id, '--data-dir', dataDir)).toBe(0);
    const again = cli();
    expect(await again.run('webhooks', 'remove', endpoint.id, '--data-dir', dataDir)).toBe(1);
    expect(again.io.err).toContain('No webhook endpoint');
  });

  it('explains bad arguments with exit code 2', async () => {
    const dataDir = tempDir();
    for (const [argv, message] of [
      [['webhooks', 'add', '--org', 'o', '--data-dir', dataDir], /--url is required/],
      [['webhooks', 'add', '--org', 'o', '--url', 'ftp://x', '--data-dir', dataDir], /http/],
      [
        [
          'webhooks',
          'add',
          '--org',
          'o',
          '--url',
          hookUrl,
          '--events',
          'patients.*',
          '--data-dir',
          dataDir,
        ],
        /events/,
      ],
      [['webhooks', 'deliveries', '--data-dir', dataDir], /--endpoint is required/],
      [['webhooks', 'fire', '--data-dir', dataDir], /unknown action "fire"/],
    ] as const) {
      const { io, run } = cli();
      expect(await run(...argv), io.err).toBe(2);
      expect(io.err).toMatch(message);
    }
  });

  it('manages the endpoints of a running serve, which delivers signed events', async () => {
    const dataDir = tempDir();
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const server = cli(stopped);
    const serving = server.run(
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--org',
      'org_live_hooks',
    );
    let url: string | undefined;
    for (let i = 0; i < 400 && !url; i++) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.io.err)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 25));
    }
    const key = /(clk_test_[A-Za-z0-9]+)/.exec(server.io.err)?.[1];
    expect(url && key, server.io.err).toBeTruthy();

    const add = cli();
    expect(
      await add.run(
        'webhooks',
        'add',
        '--org',
        'org_live_hooks',
        '--url',
        hookUrl,
        '--json',
        '--data-dir',
        dataDir,
      ),
    ).toBe(0);
    const { endpoint, secret } = JSON.parse(add.io.out) as {
      endpoint: { id: string };
      secret: string;
    };

    const before = received.length;
    const created = await fetch(`${url}/v1/patients`, {
      method: 'POST',
      headers: { 'x-api-key': key ?? '', 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Hook', lastName: 'Test' }),
    });
    const patientId = ((await created.json()) as { data: { id: string } }).data.id;
    for (let i = 0; i < 200 && received.length === before; i++)
      await new Promise((r) => setTimeout(r, 25));
    const delivery = received[before];
    const event = await verifyWebhook({
      rawBody: delivery?.body ?? '',
      headers: delivery?.headers ?? {},
      secret,
    });
    expect(event).toMatchObject({
      event: 'patient.created',
      data: { resourceId: patientId, tenantId: 'org_live_hooks' },
    });

    const log = cli();
    expect(
      await log.run('webhooks', 'deliveries', '--endpoint', endpoint.id, '--data-dir', dataDir),
    ).toBe(0);
    expect(log.io.out).toMatch(/patient\.created\s+succeeded\s+1 attempt/);
    stop();
    expect(await serving).toBe(0);
  });
});
