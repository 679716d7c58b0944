import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { envValue, withEnvValue, writeEnvFile } from './env-file.js';

const dir = mkdtempSync(join(tmpdir(), 'clinik-envfile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('envValue', () => {
  it('reads plain, exported, quoted and commented values; the last definition wins', () => {
    expect(envValue('A=1\nKEY=plain\n', 'KEY')).toBe('plain');
    expect(envValue('export KEY = "quoted # not a comment"', 'KEY')).toBe('quoted # not a comment');
    expect(envValue("KEY='single'", 'KEY')).toBe('single');
    expect(envValue('KEY=value # comment\r\nB=2\r\n', 'KEY')).toBe('value');
    expect(envValue('KEY=first\nKEY=second\n', 'KEY')).toBe('second');
    expect(envValue('MY_KEY=other\n# KEY=commented\n', 'KEY')).toBeUndefined();
    expect(envValue('KEY=\n', 'KEY')).toBe('');
  });
});

describe('withEnvValue', () => {
  it('updates every definition in place and keeps the other lines', () => {
    const text =
      '# app settings\nDATABASE_URL=postgres://x\nexport KEY=old\nOTHER=1\nKEY="older"\n';
    expect(withEnvValue(text, 'KEY', 'new')).toBe(
      '# app settings\nDATABASE_URL=postgres://x\nexport KEY=new\nOTHER=1\nKEY=new\n',
    );
  });

  it('appends a missing variable, with the file line ending, after a last line without one', () => {
    expect(withEnvValue('A=1\n', 'KEY', 'v')).toBe('A=1\nKEY=v\n');
    expect(withEnvValue('A=1', 'KEY', 'v')).toBe('A=1\nKEY=v\n');
    expect(withEnvValue('A=1\r\nB=2', 'KEY', 'v')).toBe('A=1\r\nB=2\r\nKEY=v\r\n');
    expect(withEnvValue('', 'KEY', 'v')).toBe('KEY=v\n');
    expect(withEnvValue('NOT_KEY=1\n', 'KEY', 'v')).toBe('NOT_KEY=1\nKEY=v\n');
  });
});

describe('writeEnvFile', () => {
  it('creates a missing file with mode 0600', () => {
    const path = join(dir, 'new.env');
    expect(writeEnvFile(path, 'KEY', 'v1')).toBe('created');
    expect(readFileSync(path, 'utf8')).toBe('KEY=v1\n');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('updates an existing file, keeping its mode and other lines; unchanged when equal', () => {
    const path = join(dir, 'existing.env');
    writeFileSync(path, 'A=1\nKEY=old\n');
    chmodSync(path, 0o640);
    expect(writeEnvFile(path, 'KEY', 'v2')).toBe('updated');
    expect(readFileSync(path, 'utf8')).toBe('A=1\nKEY=v2\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(writeEnvFile(path, 'KEY', 'v2')).toBe('unchanged');
  });

  it('writes through a symlink to its target', () => {
    const target = join(dir, 'target.env');
    const link = join(dir, 'link.env');
    writeFileSync(target, 'KEY=old\n');
    symlinkSync(target, link);
    writeEnvFile(link, 'KEY', 'v3');
    expect(readFileSync(target, 'utf8')).toBe('KEY=v3\n');
    expect(statSync(link).isFile()).toBe(true);
  });

  it('fails with a clear message when the directory does not exist', () => {
    expect(() => writeEnvFile(join(dir, 'missing', '.env'), 'KEY', 'v')).toThrow(
      /Cannot write the env file .*missing.*ENOENT/,
    );
  });
});
