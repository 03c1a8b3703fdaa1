import { describe, expect, it } from 'vitest';

import { isSameWord, matchNames, type CandidateForm, type StemmedWord } from '../../../lib/names/match-names';
import { formWords, nameWords } from '../../../lib/names/name-words';

// Stems as PostgreSQL's russian snowball stemmer gives them (checked in the integration tests).
const STEMS: Record<string, string> = {
  зиновьев: 'зинов', зиновьева: 'зиновьев', зиновьеву: 'зиновьев', зиновьевым: 'зиновьев', зиновий: 'зинов',
  иванов: 'иван', ивана: 'иван', иванова: 'иванов', ивановка: 'ивановк',
  троцкий: 'троцк', троцкого: 'троцк', троцкистов: 'троцкист', москва: 'москв', москве: 'москв',
  алексей: 'алекс', алексея: 'алексе', степан: 'степа', степана: 'степа', григорий: 'григор', григория: 'григор',
};
const stem = (key: string) => STEMS[key] ?? key;
const stemmed = (text: string): StemmedWord[] => nameWords(text).map((word) => ({ ...word, stem: word.isLatin ? word.key : stem(word.key) }));
const word = (text: string) => stemmed(text)[0] as StemmedWord;

function form(nameId: string, text: string, options: Partial<CandidateForm> = {}): CandidateForm {
  const kind = options.kind ?? 'PERSON';
  const read = formWords(text, kind);
  if (!read) throw new Error(text);
  return { nameId, kind, formId: `${nameId}:${text}`, isPreferredHere: false, origin: 'EDITOR', systems: [], words: read.words.map((w) => ({ key: w.key, stem: w.isLatin ? w.key : stem(w.key), isLatin: w.isLatin, isInitial: w.isInitial })), head: read.head, ...options };
}

describe('isSameWord', () => {
  it('matches Russian inflections through the stems, not look-alike words', () => {
    const zinoviev = form('z', 'Зиновьев').words[0]!;
    for (const inflected of ['Зиновьев', 'Зиновьева', 'Зиновьеву', 'Зиновьевым']) expect(isSameWord(word(inflected), zinoviev), inflected).toBe(true);
    expect(isSameWord(word('Зиновий'), zinoviev)).toBe(false);
    const ivanov = form('i', 'Иванов').words[0]!;
    expect(isSameWord(word('Иванова'), ivanov)).toBe(true);
    expect(isSameWord(word('Ивана'), ivanov)).toBe(false);
    expect(isSameWord(word('Ивановка'), ivanov)).toBe(false);
    const trotsky = form('t', 'Троцкий').words[0]!;
    expect(isSameWord(word('Троцкого'), trotsky)).toBe(true);
    expect(isSameWord(word('Троцкистов'), trotsky)).toBe(false);
    expect(isSameWord(word('Москве'), form('m', 'Москва', { kind: 'PLACE' }).words[0]!)).toBe(true);
    expect(isSameWord(word('Алексея'), form('a', 'Алексей').words[0]!)).toBe(true);
    expect(isSameWord(word('Степана'), form('s', 'Степан').words[0]!)).toBe(true);
  });

  it('matches Latin words by key only, and initials by the letters they stand for', () => {
    expect(isSameWord(word("Zinov'ev"), form('z', 'Zinovʹev').words[0]!)).toBe(true);
    expect(isSameWord(word('Zinovyev'), form('z', 'Zinoviev').words[0]!)).toBe(false);
    expect(isSameWord(word('Zinoviev'), form('z', 'Зиновьев').words[0]!)).toBe(false);
    expect(isSameWord(stemmed('G. Zinoviev')[0]!, form('z', 'Grigory Zinoviev').words[0]!)).toBe(true);
  });
});

describe('matchNames', () => {
  it('finds mentions by their surname and extends them over given names and initials', () => {
    const text = 'Письмо Григория Зиновьева и Г. Е. Зиновьеву, Зиновьев Григорий ответил.';
    const mentions = matchNames(text, stemmed(text), [form('z', 'Григорий Евсеевич Зиновьев', { isPreferredHere: true })]);
    const words = stemmed(text);
    expect(mentions.map((m) => text.slice(words[m.first]!.start, words[m.last]!.end))).toEqual(['Григория Зиновьева', 'Г. Е. Зиновьеву', 'Зиновьев Григорий']);
    expect(mentions.every((m) => m.isPreferred)).toBe(true);
  });

  it('says whether the preferred form matched, else where the variant comes from', () => {
    const text = 'Zinovyev wrote to Zinoviev.';
    const forms = [form('z', 'Zinoviev', { isPreferredHere: true }), form('z', 'Zinovyev', { origin: 'TRANSLITERATION', systems: ['WIKIPEDIA'] })];
    const mentions = matchNames(text, stemmed(text), forms);
    expect(mentions.map((m) => [m.isPreferred, m.variantOrigin, m.variantSystems])).toEqual([
      [false, 'TRANSLITERATION', ['WIKIPEDIA']],
      [true, null, []],
    ]);
  });

  it('needs a capital, all the words of a place, and lets the longest of overlapping names win', () => {
    const text = 'в Нижнем Новгороде и в Новгороде; новгород';
    const stems: Record<string, string> = { нижнем: 'нижн', нижний: 'нижн', новгороде: 'новгород', новгород: 'новгород' };
    const words = nameWords(text).map((w) => ({ ...w, stem: stems[w.key] ?? w.key }));
    const place = (id: string, t: string): CandidateForm => {
      const read = formWords(t, 'PLACE')!;
      return { nameId: id, kind: 'PLACE', formId: t, isPreferredHere: true, origin: 'EDITOR', systems: [], words: read.words.map((w) => ({ key: w.key, stem: stems[w.key] ?? w.key, isLatin: false, isInitial: false })), head: read.head };
    };
    const mentions = matchNames(text, words, [place('nn', 'Нижний Новгород'), place('n', 'Новгород')]);
    expect(mentions.map((m) => [m.nameId, words[m.first]!.text, words[m.last]!.text])).toEqual([
      ['nn', 'Нижнем', 'Новгороде'],
      ['n', 'Новгороде', 'Новгороде'],
    ]);
  });

  it('keeps two people of one surname over the same words', () => {
    const text = 'Kamenev spoke.';
    const mentions = matchNames(text, stemmed(text), [form('a', 'Lev Kamenev'), form('b', 'Sergey Kamenev')]);
    expect(mentions.map((m) => m.nameId)).toEqual(['a', 'b']);
  });
});
