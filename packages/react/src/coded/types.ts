/**
 * A code from a code system, as FHIR R4's `Coding` and ClinikAPI's simplified shapes write it:
 * `{ system: 'http://snomed.info/sct', code: '762952008', display: 'Peanut' }`.
 */
export interface Coding {
  /** The code system's URI (see `CODE_SYSTEMS`). */
  system?: string | undefined;
  code?: string | undefined;
  /** The code's human-readable name, shown in inputs and lists. */
  display?: string | undefined;
}

/**
 * What a coded field stores (ClinikAPI's "text or a `{system, code, display}` coding"): a coding
 * chosen from a value set or a terminology service, or plain text when no code fits.
 */
export type CodeValue = string | Coding;

/** One entry of a curated value set: a coding and other words it is found by. */
export interface ValueSetEntry extends Coding {
  system: string;
  code: string;
  display: string;
  /** Other names users type ("hives", "paracetamol", "sulfa"); searched, never stored. */
  synonyms?: readonly string[];
}

/**
 * An app's own terminology search: resolves the codings matching `text` (best first). Called
 * debounced; `signal` aborts when the user has typed on, so a superseded search can stop early.
 * Rejections other than aborts are shown as a failed search.
 */
export type SearchCodes = (text: string, signal: AbortSignal) => Promise<readonly Coding[]>;
