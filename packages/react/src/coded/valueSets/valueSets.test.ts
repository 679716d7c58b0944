import { describe, expect, it } from 'vitest';
import { filterValueSet } from '../search.js';
import { CODE_SYSTEMS } from '../systems.js';
import { loadValueSet, VALUE_SET_LOADERS, type ValueSetName } from './index.js';

// Verhoeff check digit (SNOMED CT identifiers end with one, TIG appendix "Check-digit
// computation"): catches a mistyped or swapped digit.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
function verhoeffValid(id: string): boolean {
  let check = 0;
  [...id].reverse().forEach((digit, i) => {
    check = D[check]?.[P[i % 8]?.[Number(digit)] ?? 0] ?? -1;
  });
  return check === 0;
}

const FORMATS: Record<string, RegExp> = {
  [CODE_SYSTEMS.snomed]: /^[1-9]\d{5,17}$/,
  [CODE_SYSTEMS.icd10cm]: /^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/,
  [CODE_SYSTEMS.rxnorm]: /^[1-9]\d{0,7}$/,
  [CODE_SYSTEMS.cvx]: /^\d{2,3}$/,
};

const EXPECTED_SYSTEMS: Record<ValueSetName, string[]> = {
  'allergy-substances': [CODE_SYSTEMS.snomed, CODE_SYSTEMS.rxnorm],
  'allergy-reactions': [CODE_SYSTEMS.snomed],
  problems: [CODE_SYSTEMS.snomed, CODE_SYSTEMS.icd10cm],
  medications: [CODE_SYSTEMS.rxnorm],
  vaccines: [CODE_SYSTEMS.cvx],
};

describe('the shipped value sets', () => {
  for (const name of Object.keys(VALUE_SET_LOADERS) as ValueSetName[]) {
    it(`${name}: well-formed codes of the expected systems, no duplicates, small`, async () => {
      const entries = await loadValueSet(name);
      expect(entries.length).toBeGreaterThan(10);
      expect(entries.length).toBeLessThanOrEqual(40);
      expect([...new Set(entries.map((e) => e.system))].sort()).toEqual(
        [...EXPECTED_SYSTEMS[name]].sort(),
      );
      const keys = entries.map((e) => `${e.system}|${e.code}`);
      expect(new Set(keys).size).toBe(keys.length);
      for (const entry of entries) {
        expect(entry.code, `${name} ${entry.display}`).toMatch(FORMATS[entry.system] ?? /^$/);
        expect(entry.display.trim()).not.toBe('');
        if (entry.system === CODE_SYSTEMS.snomed) {
          expect(verhoeffValid(entry.code), `${entry.code} ${entry.display} check digit`).toBe(
            true,
          );
          // Partition identifier of a concept id: 00 (international) or 10 (extension).
          expect(['00', '10'], `${entry.code} is a concept id`).toContain(entry.code.slice(-3, -1));
        }
      }
    });
  }

  it('loads each set once and shares the download', async () => {
    const first = loadValueSet('vaccines');
    expect(loadValueSet('vaccines')).toBe(first);
    expect((await first).find((e) => e.code === '187')?.display).toBe('Zoster recombinant');
  });

  it('ranks exact and prefix matches first, folds accents and case', async () => {
    const problems = await loadValueSet('problems');
    expect(filterValueSet(problems, 'I10').map((e) => e.code)[0]).toBe('I10');
    expect(filterValueSet(problems, 'ASTHMA').map((e) => e.code)).toEqual(['195967001', 'J45.909']);
    expect(filterValueSet(problems, 'anémia').map((e) => e.code)).toEqual(['271737000', 'D64.9']);
    expect(filterValueSet(problems, 'high blood').map((e) => e.code)).toEqual(['59621000', 'I10']);
  });
});
