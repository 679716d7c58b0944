import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../sandbox.js';
import { type CliIo, runCli } from './commands.js';

const dataDir = mkdtempSync(join(tmpdir(), 'clinik-serve-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('file-backed sandbox', () => {
  it('keeps data across a restart, serves it, and lets `keys` work while serving', async () => {
    const first = await createSandbox({ dataDir });
    const { key } = await first.keys.create({ org: 'org_persist', env: 'test' });
    const { url } = await first.listen();
    const created = await fetch(`${url}/v1/patients`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Persistent', lastName: 'Patient' }),
    });
    const { data } = (await created.json()) as { data: { id: string } };
    await first.close();

    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let err = '';
    let out = '';
    const io: CliIo = {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      env: {},
      untilStopped: () => stopped,
    };
    const serving = runCli(
      ['serve', '--data-dir', dataDir, '--port', '0', '--org', 'org_persist', '--seed'],
      io,
    );
    let serveUrl: string | undefined;
    for (let i = 0; i < 400 && !serveUrl; i++) {
      serveUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1];
      if (!serveUrl) await new Promise((r) => setTimeout(r, 25));
    }
    expect(serveUrl, err).toBeDefined();
    // The organization already has a key and data, so no key is printed and nothing is seeded.
    expect(err).not.toContain('clk_test_');
    expect(err).toContain('already has data: not seeding again');

    const read = await fetch(`${serveUrl}/v1/patients/${data.id}`, {
      headers: { 'x-api-key': key },
    });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: { fullName: string } }).data.fullName).toBe(
      'Persistent Patient',
    );

    // While `serve` holds the data directory, `keys` goes through it (admin token from the lock file).
    let keysOut = '';
    const keysIo: CliIo = { ...io, out: (t) => (keysOut += t), err: (t) => (keysOut += t) };
    const createdKey = await runCli(
      [
        'keys',
        'create',
        '--org',
        'org_persist',
        '--env',
        'test',
        '--scope',
        'read',
        '--json',
        '--data-dir',
        dataDir,
      ],
      keysIo,
    );
    expect(createdKey, keysOut).toBe(0);
    const readKey = (JSON.parse(keysOut) as { key: string }).key;
    const withNewKey = await fetch(`${serveUrl}/v1/patients/${data.id}`, {
      headers: { 'x-api-key': readKey },
    });
    expect(withNewKey.status).toBe(200);
    const noToken = await fetch(`${serveUrl}/_sandbox/keys?org=org_persist`);
    expect(noToken.status).toBe(401);

    stop();
    expect(await serving).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; route?: string; status?: number });
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'request', route: '/v1/patients/:id', status: 200 }),
    );
    expect(out).not.toContain(key);
  });
});

describe('serve --search-lag', () => {
  it('serves a search that lags the given seconds behind writes', async () => {
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    let err = '';
    const io: CliIo = {
      out: () => {},
      err: (t) => {
        err += t;
      },
      env: {},
      untilStopped: () => stopped,
    };
    const serving = runCli(['serve', '--memory', '--port', '0', '--search-lag', '1.5'], io);
    let url: string | undefined;
    for (let i = 0; i < 400 && !url; i++) {
      url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 25));
    }
    expect(url, err).toBeDefined();
    expect(err).toContain('Search lags 1.5 s behind writes');
    const key = /(clk_test_\S+)/.exec(err)?.[1] ?? '';
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    const total = async () => {
      const res = await fetch(`${url}/v1/patients`, { headers });
      return ((await res.json()) as { data: { total: number } }).data.total;
    };
    const wrote = performance.now();
    const created = await fetch(`${url}/v1/patients`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ firstName: 'Lag', lastName: 'Flag' }),
    });
    expect(created.status).toBe(201);
    expect(await total()).toBe(0);
    expect(performance.now() - wrote).toBeLessThan(1500);
    let visible = 0;
    while (visible === 0 && performance.now() - wrote < 8_000) {
      await new Promise((r) => setTimeout(r, 50));
      visible = await total();
    }
    expect(visible).toBe(1);
    expect(performance.now() - wrote).toBeGreaterThanOrEqual(1500);
    stop();
    expect(await serving).toBe(0);
  });
});
