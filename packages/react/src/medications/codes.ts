import type { Prescription } from '@clinikapi/core';

/** A coded value as the simplified shapes carry it: text, or a `{system, code, display}` coding. */
export type CodeValue = Prescription['medication'];
/** A `{system, code, display}` coding. */
export type Coding = Exclude<CodeValue, string>;

/** What a coded value shows: its text, else its coding's display, else its code. */
export function codeLabel(value: CodeValue | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return value.display ?? value.code ?? '';
}

/** The coding of a coded value, when it is one (text has none). */
export const codingOf = (value: CodeValue | undefined | null): Coding | undefined =>
  value !== undefined && value !== null && typeof value !== 'string' ? value : undefined;

/**
 * A coded value as one string, for a `<select>` option's value: the JSON of the value itself, so
 * a stored coding outside the offered list (another system, an old code) round-trips unchanged.
 */
export const codeKey = (value: CodeValue | undefined): string =>
  value === undefined || value === '' ? '' : JSON.stringify(value);

/** Inverse of `codeKey`; `undefined` for the empty option or anything that is not a code. */
export function codeFromKey(key: string): CodeValue | undefined {
  if (!key) return undefined;
  try {
    const value: unknown = JSON.parse(key);
    if (typeof value === 'string') return value.trim() ? value : undefined;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Coding;
    }
  } catch {
    // not a key this module wrote
  }
  return undefined;
}

/** Case-, accent- and punctuation-insensitive words of a name, for matching names. */
export const foldName = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
