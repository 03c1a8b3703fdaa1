import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { describeFill as describeFillIn, describeRepetitions as describeRepetitionsIn } from '../../../components/editor/repetitions-api';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';

const english = createTranslator({ locale: 'en', messages: en, namespace: 'editor.repetitions' });
const russian = createTranslator({ locale: 'ru', messages: ru, namespace: 'editor.repetitions' });
const describeRepetitions = (options: Parameters<typeof describeRepetitionsIn>[0]) => describeRepetitionsIn(options, english);
const describeFill = (result: Parameters<typeof describeFillIn>[0]) => describeFillIn(result, english);

describe('the repetitions offer, in words', () => {
  it('counts the occurrences in the work, and in the volume when other works have some', () => {
    expect(describeRepetitions({ number: 12, counts: { work: 3, otherWorks: 2 } })).toBe('The sentence of segment 12 occurs 3 more times in this work (5 in the volume), with no translation yet.');
    expect(describeRepetitions({ number: 1, counts: { work: 1, otherWorks: 0 } })).toBe('The sentence of segment 1 occurs 1 more time in this work, with no translation yet.');
    expect(describeRepetitions({ number: 4, counts: { work: 0, otherWorks: 2 } })).toBe('The sentence of segment 4 occurs 2 more times in the volume, with no translation yet.');
  });

  it('says what filling did, and what it skipped and why', () => {
    expect(describeFill({ filled: 3, works: 1, taken: 0, declined: 0, blocked: 0, unavailable: 0 })).toBe('3 repetitions filled as suggestions for review.');
    expect(describeFill({ filled: 2, works: 2, taken: 2, declined: 1, blocked: 1, unavailable: 1 })).toBe(
      '2 repetitions filled as suggestions for review in 2 works; 2 translated or suggested by someone meanwhile; 1 where a reviewer already turned this translation down; 1 where the quality checks the collection requires find something to fix first; 1 no longer a repetition of this sentence.',
    );
    expect(describeFill({ filled: 1, works: 1, taken: 0, declined: 0, blocked: 0, unavailable: 0 })).toBe('1 repetition filled as a suggestion for review.');
    expect(describeFill({ filled: 0, works: 0, taken: 1, declined: 0, blocked: 0, unavailable: 0 })).toBe('Nothing was filled; 1 translated or suggested by someone meanwhile.');
  });

  it('reads as Russian, with every plural form', () => {
    expect(describeRepetitionsIn({ number: 12, counts: { work: 3, otherWorks: 2 } }, russian)).toBe('Предложение сегмента 12 встречается в этом произведении ещё 3 раза (в томе — 5) и там пока не переведено.');
    expect(describeRepetitionsIn({ number: 4, counts: { work: 0, otherWorks: 5 } }, russian)).toBe('Предложение сегмента 4 встречается в томе ещё 5 раз и там пока не переведено.');
    expect(describeFillIn({ filled: 21, works: 2, taken: 1, declined: 0, blocked: 0, unavailable: 0 }, russian)).toBe('21 повтор заполнен и отправлен на проверку в 2 произведениях; за это время переведены или предложены другими: 1.');
  });
});
