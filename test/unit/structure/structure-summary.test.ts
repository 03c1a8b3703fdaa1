import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { errorWording } from '../../../components/errors/error-wording';
import { structureBlockerLine, structureSummaryLine } from '../../../components/structure/structure-text';
import { translatorOf } from '../../../lib/errors/error-text';
import en from '../../../lib/i18n/messages/en.json';
import ru from '../../../lib/i18n/messages/ru.json';
import { readStructureSummary, structureSummaryText, type StructureSummary } from '../../../lib/structure/structure-summary';

const english = createTranslator({ locale: 'en', messages: en, namespace: 'structure' });
const russian = createTranslator({ locale: 'ru', messages: ru, namespace: 'structure' });

const summaries: StructureSummary[] = [
  { type: 'splitSegment', kind: 'sentence', before: 'The first sentence.', after: 'The second one.' },
  { type: 'splitSegment', kind: 'footnote', before: '…the end of a note', after: 'and more' },
  { type: 'mergeSegments', kind: 'heading', before: 'Part One', after: 'The Harbour' },
  { type: 'makeHeading', excerpt: 'Chapter Two.', level: 2 },
  { type: 'makeSentence', excerpt: 'Chapter One' },
  { type: 'makeFootnote', excerpt: 'See the letters of 1921.', label: '*' },
  { type: 'splitParagraph', excerpt: 'Then the gulls came.' },
  { type: 'joinParagraphs', excerpt: '…at the quay.' },
];

describe('structural change summaries', () => {
  it('are stored in English, read back from that line, and worded by the English catalogue exactly as stored', () => {
    for (const summary of summaries) {
      const stored = structureSummaryText(summary);
      expect(readStructureSummary(stored)).toEqual(summary);
      expect(structureSummaryLine(stored, summary, english)).toBe(stored);
      expect(structureSummaryLine(stored, null, english)).toBe(stored);
    }
    expect(structureSummaryText({ type: 'makeHeading', excerpt: 'Chapter Two.', level: 2 })).toBe('Make “Chapter Two.” a heading (level 2)');
  });

  it('are worded in Russian from their values or from the stored line', () => {
    const split = summaries[0] as StructureSummary;
    expect(structureSummaryLine(structureSummaryText(split), null, russian)).toBe('Разделить предложение «The first sentence.» | «The second one.»');
    expect(structureSummaryLine('', summaries[2], russian)).toBe('Объединить заголовки «Part One» + «The Harbour»');
    expect(structureSummaryLine('', summaries[3], russian)).toBe('Сделать «Chapter Two.» заголовком (уровень 2)');
  });

  it('leave a line they cannot read as it is', () => {
    expect(readStructureSummary('Something else entirely')).toBeNull();
    expect(structureSummaryLine('Something else entirely', null, russian)).toBe('Something else entirely');
  });

  it('word the blockers in the interface’s language, with Russian plural forms', () => {
    expect(structureBlockerLine({ reason: 'openSuggestions', count: 1 }, english)).toBe('1 suggestion on these segments awaits review: decide it first.');
    expect(structureBlockerLine({ reason: 'openSuggestions', count: 2 }, english)).toBe('2 suggestions on these segments await review: decide them first.');
    expect(structureBlockerLine({ reason: 'openSuggestions', count: 5 }, russian)).toBe('К этим сегментам есть 5 предложений, ожидающих проверки: сначала примите по ним решение.');
    expect(structureBlockerLine({ reason: 'textChanged' }, english)).toBe('The text of these segments changed since this change was proposed.');
    expect(structureBlockerLine({ reason: 'noLongerFits', message: 'That segment has no text.' }, english)).toBe('This change no longer fits the text as it stands: That segment has no text.');
  });

  it('word a server error standing in the way in the interface’s language, from its key', () => {
    const blocker = { reason: 'refused', message: 'This change spans more than 500 segments: too many to change at once.', error: { key: 'structure.changeTooLong', values: { max: 500 } } } as const;
    expect(structureBlockerLine(blocker, english, errorWording('en', translatorOf('en', en)))).toBe(blocker.message);
    expect(structureBlockerLine(blocker, russian, errorWording('ru', translatorOf('ru', ru)))).toBe('Эта правка затрагивает больше 500 сегментов — слишком много, чтобы изменить их за один раз.');
    expect(structureBlockerLine(blocker, russian)).toBe(blocker.message);
  });
});
