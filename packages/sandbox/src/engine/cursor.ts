/** Opaque page cursors. An unreadable cursor restarts from the first page (the contract's rule). */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const offset = (parsed as { o?: unknown } | null)?.o;
    return typeof offset === 'number' && Number.isSafeInteger(offset) && offset >= 0 ? offset : 0;
  } catch {
    return 0;
  }
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;

/** `count`: default 20; above 100 clamps to 100; missing, zero, negative or non-numeric gives 20. */
export function parseCount(raw: string | null): number {
  if (raw === null || !/^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return DEFAULT_COUNT;
  const value = Math.floor(Number(raw));
  if (value <= 0) return DEFAULT_COUNT;
  return Math.min(value, MAX_COUNT);
}
