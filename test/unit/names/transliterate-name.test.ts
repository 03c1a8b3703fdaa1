import { describe, expect, it } from 'vitest';

import { formWords, isNameJoin, latinKey, nameWords, scriptKey, titleCaseCapitals, wordKey } from '../../../lib/names/name-words';
import { TRANSLITERATION_SYSTEMS, isTransliterated, transliterateName } from '../../../lib/names/transliterate-name';

const spelling = (text: string, system: string) => transliterateName(text).find((latin) => latin.systems.includes(system as never))?.text;

describe('transliteration of Russian names', () => {
  it('gives the Latin forms of each system, one per spelling with the systems that give it', () => {
    expect(Object.keys(TRANSLITERATION_SYSTEMS)).toEqual(['ALA_LC', 'ALA_LC_ALT', 'BGN_PCGN', 'BGN_PCGN_ALT', 'GOST_779', 'WIKIPEDIA']);
    expect(spelling('Зиновьев', 'ALA_LC')).toBe('Zinovʹev');
    expect(spelling('Зиновьев', 'ALA_LC_ALT')).toBe("Zinov'ev");
    expect(spelling('Зиновьев', 'BGN_PCGN')).toBe('Zinov’yev');
    expect(spelling('Зиновьев', 'GOST_779')).toBe('Zinovʹev');
    expect(spelling('Зиновьев', 'WIKIPEDIA')).toBe('Zinovyev');
    expect(spelling('Дзержинский', 'GOST_779')).toBe('Dzeržinskij');
    // ALA-LC and ISO 9 agree here: one form, both systems.
    expect(transliterateName('Зиновьев').find((latin) => latin.text === 'Zinovʹev')?.systems).toEqual(['ALA_LC', 'GOST_779']);
    // A name the same in every system is one form.
    expect(transliterateName('Левин')).toEqual([{ text: 'Levin', systems: Object.keys(TRANSLITERATION_SYSTEMS) }]);
    expect(spelling('Ворошилов', 'GOST_779')).toBe('Vorošilov');
  });

  it('title-cases a name written in capitals first, and leaves mixed case alone', () => {
    expect(titleCaseCapitals('ЗИНОВЬЕВ')).toBe('Зиновьев');
    expect(titleCaseCapitals('Г. Е. ЗИНОВЬЕВ')).toBe('Г. Е. Зиновьев');
    expect(titleCaseCapitals('МакДональд')).toBe('МакДональд');
    expect(spelling('ЗИНОВЬЕВ', 'WIKIPEDIA')).toBe('Zinovyev');
    expect(transliterateName('ЗИНОВЬЕВ').map((latin) => latin.text)).toEqual(transliterateName('Зиновьев').map((latin) => latin.text));
  });

  it('transliterates Russian forms only', () => {
    expect(transliterateName('Zinoviev')).toEqual([]);
    expect(isTransliterated('ru')).toBe(true);
    expect(isTransliterated('ru-RU')).toBe(true);
    expect(isTransliterated('uk')).toBe(false);
    expect(isTransliterated(null)).toBe(false);
  });
});

describe('keys of words', () => {
  it('compares Latin spellings without diacritics, apostrophes and primes', () => {
    const keys = ['Zinov\'ev', 'Zinovʹev', 'Zinov’ev', 'Zinovev', 'ZINOV′EV', 'Zinóvev'].map(latinKey);
    expect(new Set(keys)).toEqual(new Set(['zinovev']));
    expect(latinKey('Zinov’yev')).toBe(latinKey('Zinovyev'));
    expect(latinKey('Zinoviev')).not.toBe(latinKey('Zinovyev'));
    expect(latinKey('Dzeržinskij')).toBe('dzerzinskij');
    expect(latinKey('Shcherbat͡skiĭ')).toBe('shcherbatskii');
    expect(latinKey('Łódź')).toBe('lodz');
  });

  it('keys other scripts in lower case, ё as е, stress marks dropped, й kept', () => {
    expect(scriptKey('Пётр')).toBe('петр');
    expect(scriptKey('Зино́вьев')).toBe('зиновьев');
    expect(scriptKey('Троцкий')).toBe('троцкий');
    expect(wordKey('Зиновьев')).toBe('зиновьев');
    expect(wordKey('Zinovʹev')).toBe('zinovev');
  });
});

describe('words of a text', () => {
  it('reads possessives, initials, capitals and offsets', () => {
    const text = "Zinoviev's letter to G. Ye. Zinovyev and ЗИНОВЬЕВ.";
    const words = nameWords(text);
    expect(words.map((word) => word.text)).toEqual(['Zinoviev', 'letter', 'to', 'G', 'Ye', 'Zinovyev', 'and', 'ЗИНОВЬЕВ']);
    expect(text.slice(words[0]?.start, words[0]?.end)).toBe('Zinoviev');
    expect(words.filter((word) => word.isInitial).map((word) => word.text)).toEqual(['G', 'Ye']);
    expect(words.find((word) => word.text === 'ЗИНОВЬЕВ')).toMatchObject({ isAllCaps: true, isLatin: false, key: 'зиновьев' });
    expect(words[1]).toMatchObject({ isCapitalised: false });
    expect(isNameJoin(text, words[3]!, words[4]!)).toBe(true);
    expect(isNameJoin('Ленин, Зиновьев', nameWords('Ленин, Зиновьев')[0]!, nameWords('Ленин, Зиновьев')[1]!)).toBe(false);
  });

  it('reads a form with its surname as head, index order turned round', () => {
    const head = (text: string, kind: 'PERSON' | 'PLACE' = 'PERSON') => {
      const form = formWords(text, kind);
      return form ? `${form.words.map((word) => word.text).join(' ')} / ${form.words[form.head]?.text}` : null;
    };
    expect(head('Г. Е. Зиновьев')).toBe('Г Е Зиновьев / Зиновьев');
    expect(head('Zinoviev, Grigory Yevseyevich')).toBe('Grigory Yevseyevich Zinoviev / Zinoviev');
    expect(head('Zinoviev G.')).toBe('Zinoviev G / Zinoviev');
    expect(head('Нижний Новгород', 'PLACE')).toBe('Нижний Новгород / Новгород');
    expect(head('—')).toBeNull();
  });
});
