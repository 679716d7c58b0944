/**
 * An edit of one stored record: the server copy it applies to (`base`) and only the fields the
 * user changed (`edits`). What the inputs show is `{ ...base, ...edits }`, so a newer server copy
 * updates every untouched field while typed input is never overwritten. Values are the inputs'
 * values: strings for text inputs, arrays or objects for repeated groups (compared by content).
 */
export type FormValues = Record<string, unknown>;

export interface Draft<V extends FormValues> {
  base: V;
  edits: Partial<V>;
}

/** A field the user edited that someone else also changed since the user's base. */
export interface FieldConflict<F extends string = string, T = unknown> {
  field: F;
  /** The value stored now (someone else's). */
  theirs: T;
  /** The value the user typed, kept in the input. */
  yours: T;
}

/** Equality of input values: strings directly, groups by their JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The values the inputs show. */
export function draftValues<V extends FormValues>(draft: Draft<V>): V {
  return { ...draft.base, ...draft.edits };
}

/** Records one input's value; changing a field back to the stored value un-edits it. */
export function editField<V extends FormValues, F extends keyof V & string>(
  draft: Draft<V>,
  field: F,
  value: V[F],
): Draft<V> {
  const edits = { ...draft.edits };
  if (sameValue(value, draft.base[field])) delete edits[field];
  else edits[field] = value;
  return { base: draft.base, edits };
}

/** Drops the user's edit of one field, so it shows the stored value again ("keep stored"). */
export function discardEdit<V extends FormValues>(
  draft: Draft<V>,
  field: keyof V & string,
): Draft<V> {
  const edits = { ...draft.edits };
  delete edits[field];
  return { base: draft.base, edits };
}

/**
 * Moves a draft onto a newer server copy. Edits are kept as typed; an edit that now equals the
 * stored value is no longer an edit; fields edited here and changed there to something else are
 * returned as conflicts for the user to review.
 */
export function rebaseDraft<V extends FormValues>(
  draft: Draft<V>,
  newBase: V,
): { draft: Draft<V>; conflicts: FieldConflict<keyof V & string, V[keyof V & string]>[] } {
  const edits: Partial<V> = {};
  const conflicts: FieldConflict<keyof V & string, V[keyof V & string]>[] = [];
  for (const field of Object.keys(draft.edits) as (keyof V & string)[]) {
    const yours = draft.edits[field];
    if (yours === undefined || sameValue(yours, newBase[field])) continue;
    edits[field] = yours;
    if (!sameValue(newBase[field], draft.base[field])) {
      conflicts.push({ field, theirs: newBase[field], yours });
    }
  }
  return { draft: { base: newBase, edits }, conflicts };
}

/** True when the draft changes nothing. */
export function isPristine<V extends FormValues>(draft: Draft<V>): boolean {
  return Object.keys(draft.edits).length === 0;
}
