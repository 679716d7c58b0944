import { describe, expect, it } from 'vitest';
import { foldSearchText, nameColumnsOf } from './search-text.js';

describe('foldSearchText (the documented folding policy)', () => {
  it.each([
    ['Müller', 'muller'],
    ['Mu\u0308ller', 'muller'], // decomposed (NFD) input
    ['MÜLLER', 'muller'],
    ['Núñez', 'nunez'],
    ['Ågren', 'agren'],
    ['François', 'francois'],
    ['Zoë', 'zoe'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['Łukasz', 'lukasz'],
    ['Đorđević', 'dordevic'],
    ['Søren Ørsted', 'soren orsted'],
    ['Æsa Œuvre', 'aesa oeuvre'],
    ['Þórdís', 'thordis'],
    ['İstanbul', 'istanbul'],
    ['Işık', 'isik'],
    ['Ｍｕｌｌｅｒ', 'muller'], // full-width, as some phone keyboards type
    ['ﬁnn', 'finn'], // ligature
    ['Άννα', 'αννα'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['Ёлкин', 'елкин'],
    ['Йорк', 'йорк'], // й is a letter of its own, not an accented и
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'], // the phone keyboard's curly apostrophe
    ['OBrien', 'obrien'],
    ['Col·lell', 'collell'],
    ['Smith-Jones', 'smith jones'],
    ['Smith–Jones', 'smith jones'], // en dash
    ['  Anne\u00a0Marie  ', 'anne marie'], // no-break space, padding
    ['St. John,  Jr.', 'st john jr'],
    ['李 小龙', '李 小龙'],
    ['--', ''],
  ])('%j -> %j', (input, folded) => {
    expect(foldSearchText(input)).toBe(folded);
  });

  it('folds composed and decomposed forms of every accented Latin letter alike', () => {
    const letters =
      'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćČčĎďĒēĘęĚěĞğĪīŃńŇňŌōŐőŘřŚśŞşŠšŢţŤťŪūŮůŰűŸŹźŻżŽž';
    for (const letter of letters) {
      const composed = foldSearchText(letter.normalize('NFC'));
      expect(composed, letter).toMatch(/^[a-z]$/);
      expect(foldSearchText(letter.normalize('NFD')), letter).toBe(composed);
    }
  });

  it('is idempotent and gives lower-cased text the same result (stored text can be re-folded)', () => {
    for (const name of ['Müller', 'İstanbul', 'STRAẞE', 'ΟΔΥΣΣΕΥΣ', "O'Brien-Núñez"]) {
      const folded = foldSearchText(name);
      expect(foldSearchText(folded)).toBe(folded);
      expect(foldSearchText(name.toLowerCase())).toBe(folded);
    }
  });
});

describe('nameColumnsOf', () => {
  it('holds every family and given word in the name column, and each field apart', () => {
    const columns = nameColumnsOf('Hans Müller', {
      name: [
        { use: 'official', family: 'Müller', given: ['Hans'] },
        { use: 'maiden', family: 'Schmidt', given: ['Hans', 'Peter'] },
      ],
    });
    expect(columns).toEqual({
      name: 'hans muller | hans peter schmidt',
      family: ' muller | schmidt',
      given: ' hans | peter',
    });
  });

  it('folds a plain name text (organizations) and has no HumanName fields', () => {
    expect(nameColumnsOf('Clínica São João', { name: 'Clínica São João' })).toEqual({
      name: 'clinica sao joao',
      family: null,
      given: null,
    });
    expect(nameColumnsOf(undefined, {})).toEqual({ name: null, family: null, given: null });
  });
});
