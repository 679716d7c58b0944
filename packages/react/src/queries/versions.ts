import { etagOf, type ResourcePath } from '@clinikapi/core/client';
import type { QueryClient } from '@tanstack/react-query';

/**
 * Entity tags (`ETag`, e.g. `W/"3"`) of the record versions a QueryClient has seen, keyed by
 * path, id and `updatedAt`. The cache keeps records as plain data (structural sharing copies
 * them, so core's `etagOf` is lost on the cached object); the version a form edits is found
 * again here from the record's own `updatedAt`. Contract: "Decision (versions and concurrency)".
 */
const books = new WeakMap<QueryClient, Map<string, string>>();
/** Oldest entries are dropped beyond this many versions per QueryClient. */
const MAX_VERSIONS = 5000;

interface Versioned {
  id: string;
  updatedAt?: string | undefined;
}

const keyOf = (path: ResourcePath, record: Versioned) =>
  `${path}\u0000${record.id}\u0000${record.updatedAt ?? ''}`;

/** Remembers the ETag of a record a client call returned (no-op when the API sent none). */
export function noteVersion(queryClient: QueryClient, path: ResourcePath, record: object): void {
  const etag = etagOf(record);
  const versioned = record as Partial<Versioned>;
  if (!etag || typeof versioned.id !== 'string' || typeof versioned.updatedAt !== 'string') return;
  let book = books.get(queryClient);
  if (!book) {
    book = new Map();
    books.set(queryClient, book);
  }
  const key = keyOf(path, versioned as Versioned);
  book.delete(key);
  book.set(key, etag);
  if (book.size > MAX_VERSIONS) {
    const oldest = book.keys().next().value;
    if (oldest !== undefined) book.delete(oldest);
  }
}

/**
 * The ETag of exactly this version of a record (same id and `updatedAt`), or `undefined` when
 * it was never seen with one (a search row, or an API that sends no ETag).
 */
export function versionOf(
  queryClient: QueryClient,
  path: ResourcePath,
  record: Versioned,
): string | undefined {
  return books.get(queryClient)?.get(keyOf(path, record));
}
