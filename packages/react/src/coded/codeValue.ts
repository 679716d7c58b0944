import { codeSystemName } from './systems.js';
import type { CodeValue, Coding } from './types.js';

/** True for a coding, false for plain text. */
export function isCoding(value: CodeValue | undefined | null): value is Coding {
  return typeof value === 'object' && value !== null;
}

/** The text a value shows as: a coding's display (or its code), or the text itself. */
export function codeValueText(value: CodeValue | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  return value.display ?? value.code ?? '';
}

/** "SNOMED CT 762952008": where a coding comes from, for a secondary line or a conflict list. */
export function codingSource(coding: Coding): string {
  return [codeSystemName(coding.system), coding.code].filter(Boolean).join(' ');
}

/**
 * A value as a sentence-safe label: "Peanut (SNOMED CT 762952008)" for a coding, the text for
 * text. Used where a user must tell a coded value from typed text (conflict lists, reviews).
 */
export function codeValueLabel(value: CodeValue | undefined | null): string {
  if (!isCoding(value)) return codeValueText(value);
  const source = codingSource(value);
  return source ? `${codeValueText(value)} (${source})` : codeValueText(value);
}

/** Same concept: same system and code (displays may differ), or the same text. */
export function sameCodeValue(a: CodeValue | undefined | null, b: CodeValue | undefined | null) {
  if (a === undefined || a === null || b === undefined || b === null) {
    return (a ?? undefined) === (b ?? undefined);
  }
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (a.code !== undefined || b.code !== undefined) {
    return a.system === b.system && a.code === b.code;
  }
  return a.display === b.display;
}

/** True when a coding is in `system` with `code`. */
export function hasCode(value: CodeValue | undefined | null, system: string, code: string) {
  return isCoding(value) && value.system === system && value.code === code;
}
