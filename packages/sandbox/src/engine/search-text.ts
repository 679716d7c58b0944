/**
 * The sandbox's text folding for string search (FHIR R4 search.html#string: "case-insensitive and
 * accent-insensitive", after Unicode normalization), applied to stored and searched text alike.
 *
 * `foldSearchText(text)`:
 * 1. Unicode compatibility decomposition (NFKD): composed and decomposed input (NFC "ü" and NFD
 *    "u + U+0308") become the same, and compatibility forms fold to their plain letters
 *    (full-width "Ｍｕｌｌｅｒ", the ligature "ﬁ", superscripts).
 * 2. Combining marks are removed from Latin and Greek letters (é è ê ë -> e, ñ -> n, å -> a,
 *    ç -> c, ά -> α). Other scripts keep their marks (a Devanagari vowel sign or a Cyrillic й is a
 *    different letter, not an accent).
 * 3. Letters that no decomposition reaches are spelled out: ß and ẞ -> ss, æ -> ae, œ -> oe, ø -> o,
 *    đ and ð -> d, þ -> th, ł -> l, ħ -> h, ı (dotless i) -> i, ŧ -> t, ĸ -> k, and Cyrillic ё -> е.
 * 4. Lower case (locale-independent), with the Greek final sigma ς as σ.
 * 5. Apostrophes and their look-alikes (' ’ ‘ ʼ ʻ ` ´ ′ ＇) and the middle dot (·, as in the Catalan
 *    "l·l") are removed: O'Brien, O’Brien and OBrien are one name. Every other punctuation mark,
 *    symbol and kind of space (hyphens and dashes, periods, commas, slashes, no-break and
 *    ideographic spaces, tabs) becomes one space: Smith-Jones and "Smith Jones" are one name.
 * 6. Runs of spaces become one space; leading and trailing spaces are dropped.
 * 7. The result is recomposed (NFC), so kept marks are stored in one form.
 *
 * Not folded: transliterations between spellings (Mueller is not Müller; "ue" is two letters),
 * and scripts into each other.
 */
export function foldSearchText(text: string): string {
  // Spelled-out letters first in composed form (Cyrillic ё decomposes into е + a kept mark).
  let folded = text.normalize('NFC').replace(SPELLED_OUT, (c) => SPELLINGS[c] ?? c);
  folded = folded.normalize('NFKD');
  folded = folded.replace(LATIN_OR_GREEK_WITH_MARKS, (match) => match.replace(MARKS, ''));
  folded = folded.toLowerCase().replace(/ς/g, 'σ');
  // Lower-casing can produce letters with marks or spelled-out forms again (İ, ẞ): fold those too.
  folded = folded
    .normalize('NFKD')
    .replace(LATIN_OR_GREEK_WITH_MARKS, (match) => match.replace(MARKS, ''))
    .replace(SPELLED_OUT, (c) => SPELLINGS[c] ?? c);
  folded = folded.replace(REMOVED, '').replace(SEPARATORS, ' ').replace(/ {2,}/g, ' ').trim();
  return folded.normalize('NFC');
}

/** The version of the policy above; stored text is re-folded when it changes (see migrations). */
export const FOLDING_VERSION = 1;

const MARKS = /\p{M}+/gu;
const LATIN_OR_GREEK_WITH_MARKS = /[\p{Script=Latin}\p{Script=Greek}]\p{M}+/gu;

const SPELLINGS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ł: 'l',
  Ł: 'l',
  ħ: 'h',
  Ħ: 'h',
  ı: 'i',
  ŧ: 't',
  Ŧ: 't',
  ĸ: 'k',
  ё: 'е',
  Ё: 'е',
};
const SPELLED_OUT = new RegExp(`[${Object.keys(SPELLINGS).join('')}]`, 'gu');

/** Apostrophes, their look-alikes, and the middle dot: removed, joining the letters around them. */
const REMOVED = /['’‘‛ʼʻʹʽ`´′＇·‧・]/gu;
/** Everything else that is not a letter, mark or digit separates words. */
const SEPARATORS = /[^\p{L}\p{M}\p{N}]+/gu;

/** A HumanName as FHIR stores it (only the parts string search reads). */
interface HumanNameLike {
  family?: unknown;
  given?: unknown;
  text?: unknown;
}

/** The folded search columns of a stored row. */
export interface NameColumns {
  /** What the simplified `name` parameter (partial, anywhere) and FHIR `name` match. */
  name: string | null;
  /** FHIR `family`: every family name, each word-separated, names separated by ` | `. */
  family: string | null;
  /** FHIR `given`: every given name, as `family`. */
  given: string | null;
}

const asStrings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');

function humanNames(resource: Readonly<Record<string, unknown>>): HumanNameLike[] {
  const names = resource.name;
  if (!Array.isArray(names)) return [];
  return names.filter(
    (n): n is HumanNameLike => typeof n === 'object' && n !== null && !Array.isArray(n),
  );
}

/** Stored with a leading space so "starts a word" is `LIKE '% value%'` (see `search.ts`). */
function wordColumn(parts: string[]): string | null {
  const folded = parts.map(foldSearchText).filter((p) => p.length > 0);
  return folded.length > 0 ? ` ${[...new Set(folded)].join(' | ')}` : null;
}

/**
 * The folded name columns of a row: the adapter's name text (first and last name, an
 * organization's name...) plus every other HumanName the FHIR resource holds (a maiden name written
 * through the FHIR API), so the `name` column always contains every family and given word (the
 * FHIR searches use it to reach the trigram index first).
 */
export function nameColumnsOf(
  nameText: string | undefined | null,
  resource: Readonly<Record<string, unknown>>,
): NameColumns {
  const pieces: string[] = [];
  const add = (text: string) => {
    const folded = foldSearchText(text);
    if (folded && !pieces.some((piece) => piece.includes(folded))) pieces.push(folded);
  };
  if (nameText) add(nameText);
  const names = humanNames(resource);
  for (const name of names) {
    add([...asStrings(name.given), ...asStrings(name.family)].join(' '));
  }
  return {
    name: pieces.length > 0 ? pieces.join(' | ') : null,
    family: wordColumn(names.flatMap((n) => asStrings(n.family))),
    given: wordColumn(names.flatMap((n) => asStrings(n.given))),
  };
}
