import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';

import { describePoint, initialPoint, splitPoints } from '../../../components/structure/split-points';
import { choiceLabel, directOperation, structureChoices, type StructureRowInfo } from '../../../components/structure/structure-actions';
import { blocksOf, kindLabel } from '../../../components/structure/structure-diff';
import en from '../../../lib/i18n/messages/en.json';
import { isCutPoint } from '../../../lib/structure/plan-structural-edit';
import type { StructureRow } from '../../../lib/structure/structural-operation';

const t = createTranslator({ locale: 'en', messages: en, namespace: 'structure' });
const tPoints = createTranslator({ locale: 'en', messages: en, namespace: 'structure.points' });
const tDiff = createTranslator({ locale: 'en', messages: en, namespace: 'structure.diff' });

const P1 = '00000000-0000-7000-8000-0000000000a1';
const P2 = '00000000-0000-7000-8000-0000000000a2';
let counter = 0;
const row = (kind: StructureRowInfo['kind'], parentId: string | null, text = 'Some words here.'): StructureRowInfo => ({
  segmentId: `00000000-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
  kind,
  parentId,
  source: { text, revisionId: text ? `00000000-0000-7000-9000-${String(counter).padStart(12, '0')}` : null, status: 'APPROVED', openSuggestions: 0 },
});
const actions = (...args: Parameters<typeof structureChoices>) => structureChoices(...args).map((choice) => choice.action);

describe('the points of a split', () => {
  it('offers every gap between words and marks the sentence ends', () => {
    const text = 'The lamp went out. Nobody moved.';
    expect(splitPoints(text)).toEqual([
      { offset: 3, isSentenceEnd: false },
      { offset: 8, isSentenceEnd: false },
      { offset: 13, isSentenceEnd: false },
      { offset: 18, isSentenceEnd: true },
      { offset: 25, isSentenceEnd: false },
    ]);
  });

  it('finds two sentences OCR glued together, but not a decimal number or a lower-case abbreviation', () => {
    expect(splitPoints('It was late.Anna waited.')).toEqual([
      { offset: 2, isSentenceEnd: false },
      { offset: 6, isSentenceEnd: false },
      { offset: 12, isSentenceEnd: true },
      { offset: 16, isSentenceEnd: false },
    ]);
    expect(splitPoints('Pay 3.50 e.g.now').map((point) => point.offset)).toEqual([3, 8]);
    // A closing quote stays with its sentence.
    expect(splitPoints('“Go!” She went.').find((point) => point.isSentenceEnd)?.offset).toBe(5);
  });

  it('offers only points the server accepts as cuts', () => {
    for (const text of ['The lamp went out. Nobody moved.', 'It was late.Anna waited.', '“Go!” She went.', 'Pay 3.50 e.g.now', 'a  b\n c']) {
      for (const point of splitPoints(text)) expect(isCutPoint(text, point.offset), `${text} @ ${point.offset}`).toBe(true);
    }
  });

  it('ignores whitespace at the edges, and offers the end only when asked (a footnote reference)', () => {
    expect(splitPoints('  word  ')).toEqual([]);
    expect(splitPoints('One two.', { includeEnd: true }).at(-1)).toEqual({ offset: 8, isSentenceEnd: true });
    expect(splitPoints('One two. ', { includeEnd: true }).at(-1)?.offset).toBe(8);
  });

  it('starts at the first sentence end, else near the middle, or at the end for a reference', () => {
    expect(initialPoint(splitPoints('a b c. d e'), 10)).toBe(2);
    expect(initialPoint(splitPoints('aa bb cc dd ee'), 14)).toBe(2);
    expect(initialPoint(splitPoints('aa bb', { includeEnd: true }), 5, { preferEnd: true })).toBe(1);
    expect(initialPoint([], 0)).toBe(-1);
  });

  it('names a point by the words around it', () => {
    expect(describePoint('It was late.Anna waited.', 12, tPoints)).toBe('after “late.”, before “Anna”');
    expect(describePoint('One two.', 8, tPoints)).toBe('after “two.”, at the end');
    // Glued sentences are two words.
    expect(describePoint('It was late.Anna waited.', 16, tPoints)).toBe('after “Anna”, before “waited.”');
    expect(describePoint('It was late.Anna waited.', 6, tPoints)).toBe('after “was”, before “late.”');
  });
});

describe('the structure menu of a row', () => {
  it('offers split, merge, heading and footnote on a sentence, and the paragraph cut only inside a paragraph', () => {
    const first = row('SENTENCE', P1);
    const second = row('SENTENCE', P1);
    const third = row('SENTENCE', P1);
    expect(actions(first, undefined, second)).toEqual(['split', 'merge', 'heading']);
    expect(actions(second, first, third)).toEqual(['split', 'merge', 'heading', 'footnote', 'splitParagraph']);
  });

  it('offers to join paragraphs on the last sentence of one, and merges only within a paragraph', () => {
    const last = row('SENTENCE', P1);
    const nextParagraph = row('SENTENCE', P2);
    expect(actions(last, row('SENTENCE', P1), nextParagraph)).toEqual(['split', 'heading', 'footnote', 'splitParagraph', 'joinParagraphs']);
    expect(directOperation('joinParagraphs', last, nextParagraph)).toEqual({ type: 'joinParagraphs', paragraphId: P1, nextParagraphId: P2 });
    expect(directOperation('merge', last, nextParagraph)).toEqual({ type: 'mergeSegments', segmentId: last.segmentId, nextSegmentId: nextParagraph.segmentId });
  });

  it('turns a heading back into a sentence, merges two headings, and splits nothing without a published text', () => {
    const heading = row('HEADING', null);
    const sentence = row('SENTENCE', P1);
    expect(actions(heading, undefined, sentence)).toEqual(['split', 'sentence']);
    expect(actions(heading, undefined, row('HEADING', null))).toContain('merge');
    const merge = structureChoices(heading, undefined, row('HEADING', null)).find((choice) => choice.action === 'merge');
    expect(merge && choiceLabel(merge, t)).toBe('Merge with next heading');
    expect(actions(row('SENTENCE', P1, ''), undefined, undefined)).toEqual(['heading']);
    expect(directOperation('splitParagraph', sentence, undefined)).toEqual({ type: 'splitParagraph', paragraphId: P1, beforeSegmentId: sentence.segmentId });
    expect(directOperation('split', sentence, undefined)).toBeNull();
  });
});

describe('the blocks of a structural preview', () => {
  const structureRow = (kind: StructureRow['kind'], paragraph: string | null, id: string | null = null, change: StructureRow['change'] = 'kept'): StructureRow => ({ id, kind, level: kind === 'HEADING' ? 2 : 0, label: kind === 'FOOTNOTE' ? '*' : null, paragraph, text: kind === 'PARAGRAPH' ? '' : 'Text.', mark: null, translations: [], change });

  it('frames the sentences of a paragraph together and leaves headings on their own', () => {
    const blocks = blocksOf([structureRow('HEADING', null, 'h'), structureRow('SENTENCE', 'p1', 'a'), structureRow('SENTENCE', 'p1', 'b'), structureRow('SENTENCE', 'new-1', null, 'created')]);
    expect(blocks.map((block) => [block.paragraphId, block.rows.map((one) => one.id)])).toEqual([
      [null, ['h']],
      ['p1', ['a', 'b']],
      ['new-1', [null]],
    ]);
  });

  it('opens a block with a paragraph row, even a new one without an id', () => {
    const blocks = blocksOf([structureRow('PARAGRAPH', null, null, 'created'), structureRow('SENTENCE', 'new-1', 'a'), structureRow('PARAGRAPH', null, 'p2'), structureRow('SENTENCE', 'p2', 'b')]);
    expect(blocks.map((block) => [block.paragraph?.change, block.paragraphId, block.rows.map((one) => one.id)])).toEqual([
      ['created', 'new-1', ['a']],
      ['kept', 'p2', ['b']],
    ]);
  });

  it('keeps the sentences of a joined paragraph in the frame they join, with the removed break between them', () => {
    const blocks = blocksOf([structureRow('PARAGRAPH', null, 'p1'), structureRow('SENTENCE', 'p1', 'a'), structureRow('PARAGRAPH', null, 'p2', 'retired'), structureRow('SENTENCE', 'p1', 'b', 'changed'), structureRow('HEADING', null, 'h')]);
    expect(blocks.map((block) => [block.paragraphId, block.rows.map((one) => `${one.kind}:${one.id}`)])).toEqual([
      ['p1', ['SENTENCE:a', 'PARAGRAPH:p2', 'SENTENCE:b']],
      [null, ['HEADING:h']],
    ]);
  });

  it('shows a paragraph left without sentences (cut around a new heading) as its own empty frame', () => {
    const blocks = blocksOf([structureRow('PARAGRAPH', null, 'p1', 'retired'), structureRow('HEADING', null, 'h', 'changed'), structureRow('PARAGRAPH', null, null, 'created'), structureRow('SENTENCE', 'new-1', 'b', 'changed')]);
    expect(blocks.map((block) => [block.paragraph?.change ?? null, block.paragraphId, block.rows.map((one) => one.id)])).toEqual([
      ['retired', 'p1', []],
      [null, null, ['h']],
      ['created', 'new-1', ['b']],
    ]);
  });

  it('names kinds as the queue shows them', () => {
    expect([kindLabel({ kind: 'HEADING', level: 2, label: null }, tDiff), kindLabel({ kind: 'FOOTNOTE', level: 0, label: '*' }, tDiff), kindLabel({ kind: 'SENTENCE', level: 0, label: null }, tDiff)]).toEqual(['Heading 2', 'Footnote *', 'Sentence']);
  });
});
