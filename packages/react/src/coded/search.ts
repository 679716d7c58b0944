import type { Coding, ValueSetEntry } from './types.js';

/** Lower-cased, accents removed, punctuation as spaces: "Cow's milk" -> "cow s milk". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

const wordsOf = (text: string) => foldText(text).split(' ').filter(Boolean);

/**
 * How well an entry matches a query (higher is better; 0 = no match): every query word must
 * start a word of the display or a synonym, or the query must start the code.
 */
function score(entry: ValueSetEntry, query: string, queryWords: string[]): number {
  const code = entry.code.toLowerCase();
  if (code === query) return 100;
  const display = foldText(entry.display);
  if (display === query) return 90;
  let best = 0;
  for (const [index, name] of [entry.display, ...(entry.synonyms ?? [])].entries()) {
    const words = wordsOf(name);
    if (!queryWords.every((q) => words.some((w) => w.startsWith(q)))) continue;
    const folded = foldText(name);
    const value = (folded.startsWith(query) ? 60 : 40) - (index === 0 ? 0 : 5);
    best = Math.max(best, value);
  }
  if (best === 0 && code.startsWith(query)) best = 50;
  return best;
}

/**
 * The entries matching `text`, best first, at most `limit` (an empty query lists the first
 * `limit` entries in the set's own order). `systems` keeps only codings of those systems.
 */
export function filterValueSet(
  entries: readonly ValueSetEntry[],
  text: string,
  { limit = 20, systems }: { limit?: number; systems?: readonly string[] | undefined } = {},
): ValueSetEntry[] {
  const allowed = systems ? entries.filter((e) => systems.includes(e.system)) : entries;
  const query = foldText(text);
  if (!query) return allowed.slice(0, limit);
  const queryWords = query.split(' ');
  return allowed
    .map((entry, index) => ({ entry, index, score: score(entry, query, queryWords) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((m) => m.entry);
}

/** A coding without search-only fields (synonyms), as it is stored. */
export function toCoding(entry: Coding): Coding {
  const coding: Coding = {};
  if (entry.system !== undefined) coding.system = entry.system;
  if (entry.code !== undefined) coding.code = entry.code;
  if (entry.display !== undefined) coding.display = entry.display;
  return coding;
}
