import { type ParseArgsConfig, parseArgs } from 'node:util';
import { usageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export const STORAGE_OPTIONS = {
  'data-dir': { type: 'string' },
  memory: { type: 'boolean' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

interface CommandConfig<O extends Options> {
  args: string[];
  allowPositionals: true;
  strict: true;
  options: typeof STORAGE_OPTIONS & O;
}

/**
 * A strict `parseArgs` of a command's own options plus the storage ones: an unknown or malformed
 * option is a usage error naming the command.
 */
export function parseCommand<const O extends Options>(
  command: string,
  args: string[],
  options: O,
): ReturnType<typeof parseArgs<CommandConfig<O>>> {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { ...STORAGE_OPTIONS, ...options },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw usageError(`${command}: ${reason}. Run "clinik-sandbox ${command} --help".`);
  }
}

export function positiveInt(
  name: string,
  raw: string | undefined,
  fallback: number,
  min = 0,
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw usageError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}`);
  }
  return Number(raw);
}

/** The longest `--search-lag`: an hour (a larger value is more likely milliseconds typed as seconds). */
export const MAX_SEARCH_LAG_SECONDS = 3600;

/**
 * `--search-lag <seconds>` -> milliseconds: a decimal number of seconds from 0 to 3600
 * (`10`, `0.5`); anything else is a usage error. Absent gives 0 (immediate search).
 */
export function parseSearchLag(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const seconds = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw) || seconds > MAX_SEARCH_LAG_SECONDS) {
    throw usageError(
      `--search-lag must be a number of seconds from 0 to ${MAX_SEARCH_LAG_SECONDS} (e.g. 10 or 0.5)`,
    );
  }
  return Math.round(seconds * 1000);
}

/** The longest duration `parseDuration` accepts: 3650 days (a date past that is more likely a typo). */
export const MAX_DURATION_DAYS = 3650;

/**
 * `90m`, `12h`, `30d` (also `45s`, `0s`) -> milliseconds, at most 3650 days; anything else is a
 * usage error naming `--<flag>`.
 */
export function parseDuration(raw: string, flag = 'expires-in'): number {
  const match = /^(\d+)(s|m|h|d)$/.exec(raw);
  if (!match) throw usageError(`--${flag} must look like 90m, 12h or 30d`);
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[
    match[2] as 's' | 'm' | 'h' | 'd'
  ];
  const ms = Number(match[1]) * unit;
  if (ms > MAX_DURATION_DAYS * 86_400_000) {
    throw usageError(`--${flag} must be at most ${MAX_DURATION_DAYS}d`);
  }
  return ms;
}
