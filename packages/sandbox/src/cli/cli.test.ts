import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from '../test/cli-io.js';
import { lockDataDir } from './storage.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'clinik-cli-'));
  dirs.push(dir);
  return dir;
};

const capture = captureCli;
/** Tests that open an embedded Postgres: seconds each, much more on a busy shared machine. */
const SLOW = 120_000;

describe('clinik-sandbox CLI', () => {
  it('prints help for every command', async () => {
    for (const argv of [['--help'], ['serve', '--help'], ['keys', '--help'], ['seed', '--help']]) {
      const { io, run } = capture();
      expect(await run(...argv)).toBe(0);
      expect(io.out).toMatch(/Usage/);
    }
  });

  it('exits 2 with a clear message on bad arguments', async () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage/],
      [['bogus'], /Unknown command "bogus"/],
      [['serve', '--prot', '1'], /serve: .*--prot/],
      [['serve', '--port', 'abc'], /--port must be a whole number/],
      [['serve', '--memory', '--data-dir', 'x'], /Choose one of/],
      [['keys', 'create', '--org', 'o', '--env', 'prod', '--memory'], /--memory keeps nothing/],
      [['keys', 'create', '--org', 'o', '--env', 'prod'], /--env must be test or live/],
      [['keys', 'create', '--env', 'test'], /--org is required/],
      [['keys', 'create', '--org', 'o', '--env', 'test', '--expires-in', 'soon'], /--expires-in/],
      [['keys', 'revoke'], /give the key id/],
      [['seed', '--patients', '-5'], /seed: /],
      [
        ['serve', '--search-lag', 'soon'],
        /--search-lag must be a number of seconds from 0 to 3600/,
      ],
      [['serve', '--search-lag=-1'], /--search-lag must be a number of seconds/],
      [
        ['serve', '--search-lag', '10000'],
        /--search-lag must be a number of seconds from 0 to 3600/,
      ],
      [['serve', '--search-lag', '1e1'], /--search-lag must be a number of seconds/],
      [['serve', '--search-lag', ''], /--search-lag must be a number of seconds/],
      [['seed', '--search-lag', '1'], /seed: .*--search-lag/],
    ];
    for (const [argv, message] of cases) {
      const { io, run } = capture();
      const code = await run(...argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(io.out + io.err, argv.join(' ')).toMatch(message);
    }
  });

  it('exits 1 when the database is unreachable', async () => {
    const { io, run } = capture();
    expect(
      await run('keys', 'list', '--org', 'o', '--database-url', 'postgres://u:p@127.0.0.1:1/db'),
    ).toBe(1);
    expect(io.err).toMatch(/Cannot connect to the database/);
    expect(io.err).not.toContain('u:p');
  });

  it(
    'creates, lists and revokes keys in a data directory, printing the key once',
    async () => {
      // A directory no sandbox has used: said on stderr (a --memory server would not see it).
      const dataDir = join(tempDir(), 'data');
      const created = capture();
      expect(
        await created.run(
          'keys',
          'create',
          '--org',
          'org_cli',
          '--env',
          'live',
          '--scope',
          'read',
          '--expires-in',
          '30d',
          '--json',
          '--data-dir',
          dataDir,
        ),
      ).toBe(0);
      const { id, key } = JSON.parse(created.io.out) as { id: string; key: string };
      expect(key).toMatch(/^clk_live_[A-Za-z0-9]{32}$/);
      expect(created.io.err).toContain(`Note: no sandbox has used ${dataDir} yet; creating it.`);
      expect(created.io.err).toMatch(/--memory .* cannot reach them/);

      const listed = capture();
      expect(await listed.run('keys', 'list', '--org', 'org_cli', '--data-dir', dataDir)).toBe(0);
      expect(listed.io.out).toContain(id);
      expect(listed.io.out).toContain('active');
      expect(listed.io.out).not.toContain(key);
      expect(listed.io.err).toBe('');

      const revoked = capture();
      expect(await revoked.run('keys', 'revoke', id, '--data-dir', dataDir)).toBe(0);
      const again = capture();
      expect(await again.run('keys', 'revoke', 'key_missing', '--data-dir', dataDir)).toBe(1);
      expect(again.io.err).toMatch(/No key with id/);
    },
    SLOW,
  );

  it('lists, revokes and removes nothing in a directory no sandbox has used, and does not create it', async () => {
    const dataDir = join(tempDir(), 'never-used');
    for (const argv of [
      ['keys', 'list', '--org', 'org_demo'],
      ['keys', 'revoke', 'key_x'],
      ['webhooks', 'list', '--org', 'org_demo'],
      ['webhooks', 'deliveries', '--endpoint', 'whe_x'],
    ]) {
      const { io, run } = capture();
      expect(await run(...argv, '--data-dir', dataDir), argv.join(' ')).toBe(1);
      expect(io.err).toContain(`No sandbox has used ${dataDir} yet`);
      expect(io.err).toMatch(/--memory .* cannot reach them/);
      expect(existsSync(dataDir), argv.join(' ')).toBe(false);
    }
  });

  it('creates a data directory only its owner can enter (0700)', () => {
    const dataDir = join(tempDir(), 'new', 'data');
    lockDataDir(dataDir).release();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('refuses a data directory locked by another running process', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'clinik-sandbox.lock'), String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(/in use by another sandbox process/);
    const { io, run } = capture();
    expect(await run('seed', '--data-dir', dataDir)).toBe(1);
    expect(io.err).toMatch(/in use by another sandbox process/);
    // A stale lock (process gone) is taken over.
    writeFileSync(join(dataDir, 'clinik-sandbox.lock'), '999999999');
    lockDataDir(dataDir).release();
  });

  it(
    'reports a busy port with exit code 1',
    async () => {
      const blocker = createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const { port } = blocker.address() as AddressInfo;
      try {
        const { io, run } = capture();
        expect(await run('serve', '--memory', '--port', String(port))).toBe(1);
        expect(io.err).toMatch(new RegExp(`Port ${port} is already in use`));
      } finally {
        blocker.close();
      }
    },
    SLOW,
  );
});
