/**
 * An edit of one stored record: the server copy it applies to (`base`) and only the fields the
 * user changed (`edits`). What the inputs show is `{ ...base, ...edits }`, so a newer server copy
 * updates every untouched field while typed input is never overwritten.
 */
export interface Draft<V extends Record<string, string>> {
  base: V;
  edits: Partial<V>;
}

/** A field the user edited that someone else also changed since the user's base. */
export interface FieldConflict<F extends string = string> {
  field: F;
  /** The value stored now (someone else's). */
  theirs: string;
  /** The value the user typed, kept in the input. */
  yours: string;
}

/** The values the inputs show. */
export function draftValues<V extends Record<string, string>>(draft: Draft<V>): V {
  return { ...draft.base, ...draft.edits };
}

/** Records one input's value; typing a field back to the stored value un-edits it. */
export function editField<V extends Record<string, string>, F extends keyof V & string>(
  draft: Draft<V>,
  field: F,
  value: string,
): Draft<V> {
  const edits = { ...draft.edits };
  if (value === draft.base[field]) delete edits[field];
  else edits[field] = value as V[F];
  return { base: draft.base, edits };
}

/** Drops the user's edit of one field, so it shows the stored value again ("keep theirs"). */
export function discardEdit<V extends Record<string, string>>(
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
export function rebaseDraft<V extends Record<string, string>>(
  draft: Draft<V>,
  newBase: V,
): { draft: Draft<V>; conflicts: FieldConflict<keyof V & string>[] } {
  const edits: Partial<V> = {};
  const conflicts: FieldConflict<keyof V & string>[] = [];
  for (const field of Object.keys(draft.edits) as (keyof V & string)[]) {
    const yours = draft.edits[field];
    if (yours === undefined || yours === newBase[field]) continue;
    edits[field] = yours;
    if (newBase[field] !== draft.base[field]) {
      conflicts.push({ field, theirs: newBase[field] as string, yours });
    }
  }
  return { draft: { base: newBase, edits }, conflicts };
}

/** True when the draft changes nothing. */
export function isPristine<V extends Record<string, string>>(draft: Draft<V>): boolean {
  return Object.keys(draft.edits).length === 0;
}
