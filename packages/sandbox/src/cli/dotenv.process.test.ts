import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The built CLI in a real Node process, as `npx clinik-sandbox` runs it: Node 20 reads an
// `--env-file` argument anywhere on the command line and exits (code 9) when the file does not
// exist yet (nodejs/node#54232), which no in-process test sees.
const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clinik-dotenv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(args: string[]): Promise<{ code: number | null; err: string; url?: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'serve', '--memory', '--port', '0', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    let url: string | undefined;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no answer from the CLI:\n${err}`));
    }, 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      url ??= /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(err)?.[1];
      if (url) child.kill('SIGINT');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(url ? { code, err, url } : { code, err });
    });
  });
}

describe('clinik-sandbox serve --dotenv in a real Node process', () => {
  it('creates the missing file (0600) with the key and the URL', async () => {
    const file = join(dir, '.env.local');
    const run = await serve(['--dotenv', file]);
    expect(run.url, run.err).toBeDefined();
    expect(run.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^CLINIKAPI_SECRET_KEY=clk_test_[A-Za-z0-9]{32}\n/);
    expect(text).toContain(`CLINIKAPI_URL=${run.url}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 90_000);
});
