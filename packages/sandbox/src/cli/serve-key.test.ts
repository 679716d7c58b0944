import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli } from '../test/cli-io.js';
import { type CliIo, runCli } from './commands.js';

const dir = mkdtempSync(join(tmpdir(), 'clinik-serve-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each `serve` opens an embedded Postgres: seconds on a busy machine. */
const SLOW = 120_000;

const FIXED = 'clk_test_Fixed0Key0For0The0Tests0123';
const OTHER = 'clk_test_Another0Fixed0Key0456789ab';

/** Starts `serve` with `argv` and `env`; resolves its URL, its stderr so far, and `stop()`. */
async function startServe(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const output = { err: '', out: '' };
  const io: CliIo = {
    out: (t) => {
      output.out += t;
    },
    err: (t) => {
      output.err += t;
    },
    env,
    untilStopped: () => stopped,
  };
  const exit = runCli(['serve', '--port', '0', ...argv], io);
  let url: string | undefined;
  for (let i = 0; i < 800 && !url; i++) {
    url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output.err)?.[1];
    if (!url && (await Promise.race([exit, new Promise((r) => setTimeout(r, 25))])) !== undefined) {
      break;
    }
  }
  return {
    url: url ?? '',
    output,
    exit,
    async stop() {
      stop();
      return exit;
    },
  };
}

const statusWith = async (url: string, key: string) =>
  (await fetch(`${url}/v1/patients`, { headers: { 'x-api-key': key } })).status;

describe('serve --key / CLINIK_SANDBOX_KEY', () => {
  it('refuses a key of another format with exit code 2, without echoing it', async () => {
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['--key', 'sk_live_secret123'], {}, /--key must be clk_test_ or clk_live_/],
      [['--key', 'clk_test_short'], {}, /--key must be/],
      [['--key', ''], {}, /--key must be/],
      [
        [],
        { CLINIK_SANDBOX_KEY: 'clk_prod_secret123secret123' },
        /CLINIK_SANDBOX_KEY variable must be/,
      ],
      [['--env-var', 'APP_KEY'], {}, /--env-var needs --dotenv/],
      [['--url-var', 'APP_URL'], {}, /--url-var needs --dotenv/],
      [['--env-file', 'x.env', '--env-var', '1BAD'], {}, /--env-var must be a variable name/],
      [['--dotenv', 'x.env', '--url-var', 'A-B'], {}, /--url-var must be a variable name/],
      [['--dotenv', 'x.env', '--env-file', 'y.env'], {}, /name two files/],
      [['--dotenv', 'x.env', '--url-var', 'CLINIKAPI_SECRET_KEY'], {}, /must differ/],
    ];
    for (const [argv, env, message] of cases) {
      const err: string[] = [];
      const io: CliIo = {
        out: () => {},
        err: (t) => err.push(t),
        env,
        untilStopped: () => Promise.resolve(),
      };
      expect(await runCli(['serve', '--memory', ...argv], io), argv.join(' ')).toBe(2);
      expect(err.join('')).toMatch(message);
      expect(err.join('')).not.toMatch(/secret123/);
    }
  });

  it(
    'serves a fixed key from the environment, and --key over it; never prints it',
    async () => {
      const fromEnv = await startServe(['--memory'], { CLINIK_SANDBOX_KEY: FIXED });
      expect(fromEnv.url, fromEnv.output.err).not.toBe('');
      expect(await statusWith(fromEnv.url, FIXED)).toBe(200);
      expect(fromEnv.output.err).toMatch(/Registered the key from the CLINIK_SANDBOX_KEY variable/);
      expect(fromEnv.output.err).not.toContain('clk_test_'); // no key created, the fixed one not shown
      expect(await fromEnv.stop()).toBe(0);

      const flag = await startServe(['--memory', '--key', OTHER], { CLINIK_SANDBOX_KEY: FIXED });
      expect(await statusWith(flag.url, OTHER)).toBe(200);
      expect(await statusWith(flag.url, FIXED)).toBe(401);
      expect(await flag.stop()).toBe(0);
    },
    SLOW,
  );

  it(
    'refuses a fixed key that was revoked in the data directory',
    async () => {
      const dataDir = join(dir, 'revoked');
      const first = await startServe(['--data-dir', dataDir, '--key', FIXED]);
      const { io, run } = captureCli();
      expect(await run('keys', 'list', '--org', 'org_demo', '--json', '--data-dir', dataDir)).toBe(
        0,
      );
      const [info] = JSON.parse(io.out) as { id: string }[];
      const revoked = captureCli();
      expect(await revoked.run('keys', 'revoke', info?.id ?? '', '--data-dir', dataDir)).toBe(0);
      expect(await first.stop()).toBe(0);

      const again = await startServe(['--data-dir', dataDir, '--key', FIXED]);
      expect(await again.exit).toBe(1);
      expect(again.output.err).toMatch(/The key from --key is revoked: pass another key/);
      const elsewhere = await startServe(['--data-dir', dataDir, '--key', OTHER, '--org', 'org_b']);
      expect(await elsewhere.stop()).toBe(0);
      const wrongOrg = await startServe(['--data-dir', dataDir, '--key', OTHER]);
      expect(await wrongOrg.exit).toBe(1);
      expect(wrongOrg.output.err).toMatch(/belongs to organization org_b, not org_demo/);
    },
    SLOW,
  );
});

describe('serve --dotenv (or --env-file)', () => {
  it(
    'writes a new key and the URL to a new 0600 file, and keeps the key working across --memory restarts',
    async () => {
      const envFile = join(dir, '.env.local');
      const first = await startServe(['--memory', '--dotenv', envFile]);
      const text = readFileSync(envFile, 'utf8');
      const key =
        /^CLINIKAPI_SECRET_KEY=(clk_test_[A-Za-z0-9]{32})\nCLINIKAPI_URL=(\S+)\n$/.exec(
          text,
        )?.[1] ?? '';
      expect(key, text).not.toBe('');
      expect(text).toContain(`CLINIKAPI_URL=${first.url}\n`);
      expect(statSync(envFile).mode & 0o777).toBe(0o600);
      expect(first.output.err).toMatch(/Created a test key key_\w+ for org_demo/);
      expect(first.output.err).toMatch(/Wrote CLINIKAPI_SECRET_KEY to .*\.env\.local \(created\)/);
      expect(first.output.err + first.output.out).not.toContain(key);
      expect(await statusWith(first.url, key)).toBe(200);
      expect(await first.stop()).toBe(0);

      // The app's own lines stay; a fresh in-memory database takes the same key again.
      writeFileSync(envFile, `# my app\nDATABASE_URL=postgres://db\n${text}OTHER=1`);
      const second = await startServe(['--memory', '--env-file', envFile]);
      expect(await statusWith(second.url, key)).toBe(200);
      expect(second.output.err).toMatch(/Registered the key from CLINIKAPI_SECRET_KEY in/);
      expect(second.output.err).not.toMatch(/Created|Wrote CLINIKAPI_SECRET_KEY/);
      // Only the URL line follows the new port.
      expect(readFileSync(envFile, 'utf8')).toBe(
        `# my app\nDATABASE_URL=postgres://db\n${text.replace(first.url, second.url)}OTHER=1`,
      );
      expect(await second.stop()).toBe(0);
    },
    SLOW,
  );

  it(
    'writes a fixed key to the named variable, replacing a placeholder',
    async () => {
      const envFile = join(dir, 'app.env');
      writeFileSync(envFile, 'export APP_KEY=changeme\nPORT=3000\n');
      const served = await startServe([
        '--memory',
        '--key',
        FIXED,
        '--env-file',
        envFile,
        '--env-var',
        'APP_KEY',
      ]);
      expect(await statusWith(served.url, FIXED)).toBe(200);
      expect(readFileSync(envFile, 'utf8')).toBe(
        `export APP_KEY=${FIXED}\nPORT=3000\nCLINIKAPI_URL=${served.url}\n`,
      );
      expect(await served.stop()).toBe(0);
    },
    SLOW,
  );

  it(
    'replaces a revoked key found in the file with a new one',
    async () => {
      const dataDir = join(dir, 'replaced');
      const envFile = join(dir, 'replaced.env');
      writeFileSync(envFile, `CLINIKAPI_SECRET_KEY=${OTHER}\n`);
      const first = await startServe(['--data-dir', dataDir, '--env-file', envFile]);
      expect(await statusWith(first.url, OTHER)).toBe(200);
      const { io, run } = captureCli();
      await run('keys', 'list', '--org', 'org_demo', '--json', '--data-dir', dataDir);
      const [info] = JSON.parse(io.out) as { id: string }[];
      await captureCli().run('keys', 'revoke', info?.id ?? '', '--data-dir', dataDir);
      expect(await first.stop()).toBe(0);

      const second = await startServe(['--data-dir', dataDir, '--env-file', envFile]);
      expect(second.output.err).toMatch(/The key in .*replaced\.env is revoked: replacing it/);
      const key = /CLINIKAPI_SECRET_KEY=(\S+)/.exec(readFileSync(envFile, 'utf8'))?.[1] ?? '';
      expect(key).not.toBe(OTHER);
      expect(await statusWith(second.url, key)).toBe(200);
      expect(await second.stop()).toBe(0);
    },
    SLOW,
  );
});

describe('keys rotate and keys list through a running serve', () => {
  it(
    'rotates with a grace period and lists usage per key',
    async () => {
      const dataDir = join(dir, 'rotate');
      const served = await startServe(['--data-dir', dataDir, '--key', FIXED]);
      expect(await statusWith(served.url, FIXED)).toBe(200);
      expect(await statusWith(served.url, FIXED)).toBe(200);
      const listed = captureCli();
      await listed.run('keys', 'list', '--org', 'org_demo', '--json', '--data-dir', dataDir);
      const [info] = JSON.parse(listed.io.out) as { id: string; requestsThisMonth: number }[];
      expect(info).toMatchObject({ requestsThisMonth: 2, requestsInWindow: 2, state: 'active' });

      const rotated = captureCli();
      expect(
        await rotated.run('keys', 'rotate', info?.id ?? '', '--grace', '2h', '--data-dir', dataDir),
      ).toBe(0);
      const newKey = /^(clk_test_[A-Za-z0-9]{32})$/m.exec(rotated.io.out)?.[1] ?? '';
      expect(rotated.io.out).toMatch(
        /keeps working until .* \(grace 2h\), then answers 401 KEY_REVOKED/,
      );
      expect(await statusWith(served.url, FIXED)).toBe(200);
      expect(await statusWith(served.url, newKey)).toBe(200);

      const table = captureCli();
      expect(await table.run('keys', 'list', '--org', 'org_demo', '--data-dir', dataDir)).toBe(0);
      const [header, oldRow, newRow] = table.io.out.trim().split('\n');
      expect(header).toMatch(
        /^ID\s+ENV\s+SCOPE\s+KEY\s+CREATED\s+LAST USED\s+LAST 60 S\s+THIS MONTH\s+EXPIRES\s+STATE$/,
      );
      expect(oldRow).toMatch(
        new RegExp(
          `^${info?.id}\\s+test\\s+\\*\\s+clk_test_\\.\\.\\.0123\\s+.*\\s3\\s+3\\s+never\\s+rotating \\(works until `,
        ),
      );
      expect(newRow).toMatch(/\s1\s+1\s+never\s+active$/);
      expect(table.io.out).not.toContain(FIXED);

      const again = captureCli();
      expect(await again.run('keys', 'rotate', info?.id ?? '', '--data-dir', dataDir)).toBe(1);
      expect(again.io.err).toMatch(/already being rotated out/);
      const bad = captureCli();
      expect(
        await bad.run('keys', 'rotate', 'key_x', '--grace', 'soon', '--data-dir', dataDir),
      ).toBe(2);
      expect(bad.io.err).toMatch(/--grace must look like 90m, 12h or 30d/);
      const missing = captureCli();
      expect(await missing.run('keys', 'rotate', 'key_missing', '--data-dir', dataDir)).toBe(1);
      expect(missing.io.err).toMatch(/No key with id key_missing/);
      expect(await served.stop()).toBe(0);
    },
    SLOW,
  );
});
