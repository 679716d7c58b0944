import { HttpError } from '../http/http-error.js';

/**
 * What an `If-Match` header asked for, checked against the stored version inside the write
 * transaction after the row lock (so two writers holding the same version cannot both pass).
 * - `any`: `If-Match: *`, any existing record.
 * - `versions`: the listed entity tags' opaque values, e.g. `["3"]` for `W/"3"`.
 * - `unparseable`: a header that is not an entity-tag list; it never matches.
 */
export type VersionPrecondition =
  | { readonly kind: 'any' }
  | { readonly kind: 'versions'; readonly versions: readonly string[] }
  | { readonly kind: 'unparseable' };

export const preconditionFailed = (
  message = 'The record has changed since that version was read',
) => new HttpError(412, 'PRECONDITION_FAILED', message);

/**
 * Throws 412 PRECONDITION_FAILED unless `precondition` admits `versionId` (the locked row's
 * version; `undefined` when there is no record, which only `PUT` can reach). No precondition
 * (no `If-Match`) admits everything: last write wins.
 */
export function assertPrecondition(
  precondition: VersionPrecondition | undefined,
  versionId: number | undefined,
): void {
  if (!precondition) return;
  if (precondition.kind === 'unparseable') {
    throw preconditionFailed('If-Match must list entity tags such as W/"3", or be *');
  }
  if (versionId === undefined) throw preconditionFailed('The record does not exist');
  if (precondition.kind === 'any') return;
  if (!precondition.versions.includes(String(versionId))) throw preconditionFailed();
}
