import {
  chmodSync,
  existsSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './errors.js';

/** Names `--env-var` accepts: what a shell and dotenv read as a variable name. */
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `NAME=value`, `export NAME=value`, spaces around `=`; the value part is raw (quotes, comments). */
const definition = (name: string) => new RegExp(`^(\\s*(?:export\\s+)?${name}\\s*=)(.*)$`);

/** The value of one `NAME=...` line: quotes removed, or an unquoted value up to a ` #` comment. */
function unquoted(raw: string): string {
  const text = raw.trim();
  const quote = text[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const end = text.indexOf(quote, 1);
    return end > 0 ? text.slice(1, end) : text.slice(1);
  }
  return text.replace(/\s+#.*$/, '').trim();
}

/**
 * The value of `name` in env-file text (the last definition, as dotenv reads it); `undefined` when
 * the text does not define it.
 */
export function envValue(text: string, name: string): string | undefined {
  const pattern = definition(name);
  let found: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const match = pattern.exec(line.replace(/\r$/, ''));
    if (match) found = unquoted(match[2] ?? '');
  }
  return found;
}

/**
 * Env-file text with `name` set to `value`: every line that defines `name` gets the new value
 * (keeping an `export ` prefix); without one, `NAME=value` is appended. Every other line, and the
 * file's line ending (LF or CRLF), stays as it was.
 */
export function withEnvValue(text: string, name: string, value: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const pattern = definition(name);
  let replaced = false;
  const lines = text.split(eol).map((line) => {
    const match = pattern.exec(line);
    if (!match) return line;
    replaced = true;
    return `${match[1]}${value}`;
  });
  if (replaced) return lines.join(eol);
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return `${text}${separator}${name}=${value}${eol}`;
}

/** Reads `name` from the env file at `path`; `undefined` when the file or the variable is missing. */
export function readEnvFile(path: string, name: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return envValue(readFileSync(path, 'utf8'), name);
  } catch (error) {
    throw new CliError(
      `Cannot read the env file ${path}: ${(error as NodeJS.ErrnoException).code}`,
    );
  }
}

/**
 * Sets `name=value` in the env file at `path`: a missing file is created with mode 0600; an
 * existing one keeps its other lines and its mode, and is replaced atomically (a temporary file in
 * the same directory, then a rename; a symlink's target is what changes). Resolves what happened.
 * Throws a `CliError` when the file cannot be written (no such directory, no permission).
 */
export function writeEnvFile(
  path: string,
  name: string,
  value: string,
): 'created' | 'updated' | 'unchanged' {
  try {
    if (!existsSync(path)) {
      writeFileSync(path, `${name}=${value}\n`, { mode: 0o600, flag: 'wx' });
      return 'created';
    }
    const target = realpathSync(path);
    const before = readFileSync(target, 'utf8');
    const after = withEnvValue(before, name, value);
    if (after === before) return 'unchanged';
    const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
    const mode = statSync(target).mode & 0o777;
    writeFileSync(temporary, after, { mode });
    chmodSync(temporary, mode);
    renameSync(temporary, target);
    return 'updated';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new CliError(`Cannot write the env file ${path}: ${code}`);
  }
}
