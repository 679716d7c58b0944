import type { ResourcePath } from '@clinikapi/core';

/** Drops empty values so `{ name: '' }` and `{}` share one cache entry. */
export function normalizeParams<T extends object>(params: T | undefined): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out as T;
}

/**
 * Query keys, from broad to narrow, so one `invalidateQueries` call can reach every list of a
 * resource (`lists`) or everything about it (`all`).
 */
export const clinikKeys = {
  root: ['clinik'] as const,
  all: <P extends ResourcePath>(path: P) => ['clinik', path] as const,
  lists: <P extends ResourcePath>(path: P) => ['clinik', path, 'list'] as const,
  list: <P extends ResourcePath, T extends object>(path: P, params: T) =>
    ['clinik', path, 'list', 'page', normalizeParams(params)] as const,
  infinite: <P extends ResourcePath, T extends object>(path: P, params: T) =>
    ['clinik', path, 'list', 'infinite', normalizeParams(params)] as const,
  range: <P extends ResourcePath, T extends object>(path: P, params: T) =>
    ['clinik', path, 'list', 'range', normalizeParams(params)] as const,
  details: <P extends ResourcePath>(path: P) => ['clinik', path, 'detail'] as const,
  detail: <P extends ResourcePath>(path: P, id: string) => ['clinik', path, 'detail', id] as const,
};
