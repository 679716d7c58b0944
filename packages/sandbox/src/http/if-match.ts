import type { VersionPrecondition } from '../engine/precondition.js';

/** The `ETag` of a record version: weak, as FHIR R4 writes it (`W/"3"`). */
export const etagOf = (versionId: number) => `W/"${versionId}"`;

/** One list element: optional `W/`, a quoted opaque value (RFC 9110 section 8.8.3), then `,` or the end. */
const LIST_TAG = /[ \t]*(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*(?:,|$)/y;
/** Empty list elements are allowed by the list syntax (`a, , b`). */
const EMPTY_ELEMENT = /[ \t]*,/y;

/**
 * Parses `If-Match` (RFC 9110 section 13.1.1): `*` or a comma-separated list of entity tags.
 * Repeated headers arrive joined with `, ` (Node does that for `If-Match`). Tags are compared
 * ignoring `W/` (weak comparison): FHIR R4 (http.html, "Managing Resource Contention") sends
 * `If-Match: W/"23"`, which strong comparison would never match. Resolves `undefined` when the
 * header is absent; anything that is not a tag list (also an empty header) is `unparseable`.
 */
export function parseIfMatch(
  header: string | string[] | undefined,
): VersionPrecondition | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(', ') : header).trim();
  if (value === '*') return { kind: 'any' };
  const versions: string[] = [];
  let at = 0;
  while (at < value.length) {
    EMPTY_ELEMENT.lastIndex = at;
    if (EMPTY_ELEMENT.test(value)) {
      at = EMPTY_ELEMENT.lastIndex;
      continue;
    }
    LIST_TAG.lastIndex = at;
    const match = LIST_TAG.exec(value);
    if (!match) return { kind: 'unparseable' };
    versions.push(match[1] ?? '');
    at = LIST_TAG.lastIndex;
  }
  return versions.length > 0 ? { kind: 'versions', versions } : { kind: 'unparseable' };
}
