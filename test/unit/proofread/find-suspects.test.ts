import { beforeAll, describe, expect, it } from 'vitest';

import { confusionEdits, regularCase, scriptReadings } from '@/lib/proofread/confusions';
import { findSuspects, type ProofreadText, type Suspect } from '@/lib/proofread/find-suspects';
import type { Speller } from '@/lib/proofread/speller';
import { TRUSTED_OCCURRENCES } from '@/lib/proofread/vocabulary';
import { shapeFaults } from '@/lib/proofread/word-shape';
import { replaceWord, tokenizeWords } from '@/lib/proofread/words';
import { loadSpeller } from '@/lib/proofread/worker/load-speller';

const texts = (...segments: string[]): ProofreadText[] => segments.map((text, i) => ({ segmentId: `s${i}`, text, isChecked: true }));
const byWord = (suspects: Suspect[]) => new Map(suspects.map((suspect) => [suspect.word, suspect]));

describe('words', () => {
  it('keeps apostrophes, hyphens and digits inside words and leaves footnote figures out', () => {
    expect(tokenizeWords('Lenin’s self-criticism, 1-й l9l7 workers¹ — don\'t').map((token) => token.word)).toEqual(['Lenin’s', 'self-criticism', '1-й', 'l9l7', 'workers', "don't"]);
  });

  it('replaces a word only where it stands whole', () => {
    expect(replaceWord('sociaIist and sociaIists; sociaIist.', 'sociaIist', 'socialist')).toBe('socialist and sociaIists; socialist.');
    expect(replaceWord('nothing here', 'sociaIist', 'socialist')).toBe('nothing here');
  });
});

describe('shapeFaults', () => {
  it('finds lower-to-upper changes, letters among digits and mixed alphabets', () => {
    expect(shapeFaults('woRks')).toEqual(['MIXED_CASE']);
    expect(shapeFaults('sociaIist')).toEqual(['MIXED_CASE']);
    expect(shapeFaults('CTAlnH')).toEqual(['MIXED_CASE']);
    expect(shapeFaults('THe')).toEqual(['MIXED_CASE']);
    expect(shapeFaults('l9l7')).toEqual(['LETTERS_AND_DIGITS']);
    expect(shapeFaults('пaртия')).toEqual(['MIXED_SCRIPT']);
  });

  it('leaves regular words, names with a prefix, plurals of capitals and numbers with endings alone', () => {
    for (const word of ['works', 'Works', 'WORKS', 'McDonald', 'MacArthur', 'MPs', '20th', '1920s', '1-й', 'партия', 'Lenin’s', 'O’Brien']) expect(shapeFaults(word), word).toEqual([]);
  });
});

describe('confusions', () => {
  it('undoes one misreading at one place', () => {
    expect(confusionEdits('sociaIist')).toContain('socialist');
    expect(confusionEdits('cornrade')).toContain('comrade');
    expect(confusionEdits('Delivcred')).toContain('Delivered');
    expect(confusionEdits('tbe')).toContain('the');
  });

  it('reads a word of two alphabets in the one all its letters can be written in', () => {
    expect(scriptReadings('пaртия')).toEqual(['партия']);
    expect(scriptReadings('CTAlnH')).toEqual([]);
    expect(scriptReadings('партия')).toEqual([]);
  });

  it('makes the case regular', () => {
    expect(regularCase('woRks')).toBe('works');
    expect(regularCase('SOcialism')).toBe('Socialism');
    expect(regularCase('CTAlnH')).toBe('CTALNH');
  });
});

describe('findSuspects without a dictionary', () => {
  it('lists words by their shape only, with corrections the vocabulary knows', () => {
    const found = byWord(findSuspects({ texts: texts('Chkheidze and Tsereteli spoke; woRks and works and works and works; l9l7.'), speller: null }));
    expect([...found.keys()].sort()).toEqual(['l9l7', 'woRks']);
    expect(found.get('woRks')).toMatchObject({ reasons: ['MIXED_CASE'], correction: 'works', count: 1, places: [{ segmentId: "s0" }] });
    expect(found.get('l9l7')).toMatchObject({ reasons: ['LETTERS_AND_DIGITS'], correction: null });
  });

  it('learns words from texts it does not check', () => {
    const lender: ProofreadText[] = Array.from({ length: TRUSTED_OCCURRENCES }, (_, i) => ({ segmentId: `v${i}`, text: 'sociaIist woRks', isChecked: false }));
    const found = findSuspects({ texts: [...lender, ...texts('The woRks.')], speller: null });
    expect(found.map((suspect) => suspect.word)).toEqual(['woRks']);
    expect(found[0]?.places).toEqual([{ segmentId: 's0', excerpt: 'The woRks.' }]);
  });
});

describe('findSuspects with the English dictionary', () => {
  let speller: Speller;
  beforeAll(async () => {
    speller = await loadSpeller('en');
  });

  it('finds the misread words and proposes the one correction each allows', () => {
    const found = byWord(
      findSuspects({
        texts: texts('Speech Delivcred at the plenum.', 'The sociaIist revolution and the woRks of Lenin.', 'The revolution was delivered by socialist workers; such works are read.', 'Ninety-nine and the iPhone of McDonald.'),
        speller,
      }),
    );
    expect(found.get('Delivcred')).toMatchObject({ reasons: ['UNKNOWN'], correction: 'Delivered' });
    expect(found.get('sociaIist')).toMatchObject({ reasons: ['MIXED_CASE', 'UNKNOWN'], correction: 'socialist' });
    expect(found.get('woRks')).toMatchObject({ reasons: ['MIXED_CASE'], correction: 'works' });
    for (const word of ['Speech', 'plenum', 'Ninety-nine', 'iPhone', 'McDonald', 'revolution']) expect(found.has(word), word).toBe(false);
  });

  it('trusts a name the text uses often enough, and suspects it when used less', () => {
    const repeated = Array.from({ length: TRUSTED_OCCURRENCES - 1 }, () => 'Chkheidze spoke.');
    expect(byWord(findSuspects({ texts: texts(...repeated), speller })).get('Chkheidze')).toMatchObject({ reasons: ['UNKNOWN'], count: TRUSTED_OCCURRENCES - 1, places: repeated.map((_, i) => ({ segmentId: `s${i}` })) });
    expect(byWord(findSuspects({ texts: texts(...repeated, 'And chkheidze.'), speller })).has('Chkheidze')).toBe(false);
  });

  it('knows British spellings and accented loanwords of dictionary words', () => {
    const found = findSuspects({ texts: texts('The organisation of labour, its defence and centre were fêted; levelling and fulfil.'), speller });
    expect(found).toEqual([]);
  });

  it('proposes nothing when a misreading has no single known reading the text uses', () => {
    // `tion` is one letter from `lion`, which the text never uses: a fragment, not a misreading of it.
    const found = byWord(findSuspects({ texts: texts('The na tion and the cornrade.'), speller }));
    expect(found.get('tion')).toMatchObject({ reasons: ['UNKNOWN'], correction: null });
    expect(found.get('cornrade')?.correction).toBeNull();
    const withComrade = byWord(findSuspects({ texts: texts('The cornrade and a comrade.'), speller }));
    expect(withComrade.get('cornrade')?.correction).toBe('comrade');
  });

  it('lists the most frequent suspects first', () => {
    const found = findSuspects({ texts: texts('Zzyzzyva.', 'Qwzx. Qwzx.'), speller });
    expect(found.map((suspect) => [suspect.word, suspect.count])).toEqual([['Qwzx', 2], ['Zzyzzyva', 1]]);
  });
});

describe('findSuspects with the Russian dictionary', () => {
  let speller: Speller;
  beforeAll(async () => {
    speller = await loadSpeller('ru');
  }, 60_000);

  it('accepts inflected forms the dictionary derives and finds Latin letters in Russian words', () => {
    const found = byWord(findSuspects({ texts: texts('Решения партии и пролетариата.', 'Съезд пaртии коммунистической CTAlnH.', 'Сталин писал о партиями рабочих крестьянства.'), speller }));
    for (const word of ['партии', 'пролетариата', 'коммунистической', 'партиями', 'рабочих', 'крестьянства', 'Решения']) expect(found.has(word), word).toBe(false);
    expect(found.get('пaртии')).toMatchObject({ reasons: ['MIXED_SCRIPT', 'UNKNOWN'], correction: 'партии' });
    expect(found.get('CTAlnH')?.reasons).toContain('MIXED_CASE');
  });

  it('undoes a Cyrillic misreading the text uses elsewhere', () => {
    const found = byWord(findSuspects({ texts: texts('Решения партии.', 'Съезд нартии.'), speller }));
    expect(found.get('нартии')).toMatchObject({ reasons: ['UNKNOWN'], correction: 'партии' });
  });
});
