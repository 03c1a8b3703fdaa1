import { describe, expect, it } from 'vitest';

import { AppError } from '../../../lib/errors/app-error';
import { chapterStartsOf } from '../../../lib/export/chapter-starts';
import { downloadFileNames } from '../../../lib/export/download-file';
import { buildRuns } from '../../../lib/export/inline-runs';
import { isRightToLeft, languageEndonym } from '../../../lib/export/language-facts';
import { partHolding, planParts, readingOf } from '../../../lib/export/plan-parts';
import { downloadQuerySchema, parseDownloadChoice, parseDownloadFormat } from '../../../lib/export/schemas';
import { buildTocTree } from '../../../lib/export/toc-tree';
import type { PlanWork } from '../../../lib/export/types';

const work = (id: string, chapterStarts: string[] = [], fileBreaks: string[] = []): PlanWork => ({ id, title: `Work ${id}`, author: '', dateText: '', sourceLanguage: 'en', sourceEdition: '', chapterStarts, fileBreaks });

describe('download choices', () => {
  it('knows its formats and refuses others with a 400', () => {
    expect(parseDownloadFormat(' EPUB ')).toBe('epub');
    const unknown = (() => {
      try {
        parseDownloadFormat('pdf');
      } catch (error) {
        return error;
      }
    })();
    expect(unknown).toBeInstanceOf(AppError);
    expect((unknown as AppError).status).toBe(400);
    expect(parseDownloadFormat('XLIFF')).toBe('xliff');
    expect(parseDownloadFormat('xliff12')).toBe('xliff12');
    expect(parseDownloadFormat('tmx')).toBe('tmx');
  });

  it('takes a layout only where the format has one, and two different languages', () => {
    expect(parseDownloadChoice(downloadQuerySchema.parse({ format: 'epub', with: 'ru' }))).toEqual({ format: 'epub', lang: undefined, with: 'ru', layout: 'side-by-side' });
    expect(parseDownloadChoice(downloadQuerySchema.parse({ format: 'md', with: 'ru' })).layout).toBe('alternating');
    expect(() => parseDownloadChoice(downloadQuerySchema.parse({ format: 'txt', with: 'ru', layout: 'side-by-side' }))).toThrow('alternating');
    expect(() => parseDownloadChoice(downloadQuerySchema.parse({ format: 'html', lang: 'ru', with: 'ru' }))).toThrow('other than the first');
    expect(() => downloadQuerySchema.parse({ format: 'html', layout: 'diagonal' })).toThrow('Choose a layout');
    expect(downloadQuerySchema.parse({ format: 'html', lang: '', with: '' })).toEqual({ format: 'html', lang: undefined, with: undefined, layout: undefined });
  });

  it('names files in ASCII and as titled, without what file systems refuse', () => {
    expect(downloadFileNames({ title: 'Заметки на полях: «1»/2\u0007', languages: ['ru', 'en'], asciiStem: 'zametki.ru.en', format: 'epub' })).toEqual({
      fileName: 'Заметки на полях «1» 2 (ru, en).epub',
      asciiFileName: 'zametki.ru.en.epub',
    });
    expect(downloadFileNames({ title: '', languages: [], asciiStem: '---', format: 'txt' })).toEqual({ fileName: 'Untitled.txt', asciiFileName: 'download.txt' });
  });
});

describe('the parts of a download', () => {
  it('cuts a work into chapters and files, and repeats each chapter in its second language', () => {
    const plan = { languages: ['ru', 'en'], works: [work('a', ['c', 'm'], ['f', 'p']), work('b')] };
    const files = planParts(plan, { layout: 'side-by-side', isSplitIntoFiles: true });
    expect(files.map((part) => [part.work.id, part.from, part.to, part.pass])).toEqual([
      ['a', undefined, 'c', 'main'],
      ['a', 'c', 'f', 'main'],
      ['a', 'f', 'm', 'main'],
      ['a', 'm', 'p', 'main'],
      ['a', 'p', undefined, 'main'],
      ['b', undefined, undefined, 'main'],
    ]);
    expect(files.filter((part) => part.isWorkStart).map((part) => part.index)).toEqual([0, 5]);
    const repeated = planParts(plan, { layout: 'original-after-chapter', isSplitIntoFiles: false });
    expect(repeated.map((part) => [part.work.id, part.from, part.to, part.pass, part.isSecondPassStart])).toEqual([
      ['a', undefined, 'c', 'main', false],
      ['a', undefined, 'c', 'second', true],
      ['a', 'c', 'm', 'main', false],
      ['a', 'c', 'm', 'second', true],
      ['a', 'm', undefined, 'main', false],
      ['a', 'm', undefined, 'second', true],
      ['b', undefined, undefined, 'main', false],
      ['b', undefined, undefined, 'second', true],
    ]);
    expect(partHolding(files, 'a', 'g')?.index).toBe(2);
    expect(partHolding(files, 'a', 'a')?.index).toBe(0);
    expect(partHolding(files, 'b', 'z')?.index).toBe(5);
    expect(readingOf(plan, 'original-after-chapter', { pass: 'main' })).toMatchObject({ languages: ['ru', 'en'], shown: ['ru'], hasIds: true });
    expect(readingOf(plan, 'original-after-chapter', { pass: 'second' })).toMatchObject({ languages: ['en'], shown: ['en'], hasIds: false, hasPages: false, hasNotes: false });
    // One language: one part per work whatever the layout.
    expect(planParts({ languages: ['ru'], works: [work('a', ['c'])] }, { layout: 'original-after-chapter', isSplitIntoFiles: false })).toHaveLength(1);
  });

  it('begins chapters at the highest level with more than one heading', () => {
    expect(chapterStartsOf([{ orderKey: 'a', level: 1 }, { orderKey: 'b', level: 2 }, { orderKey: 'c', level: 3 }, { orderKey: 'd', level: 2 }])).toEqual(['a', 'b', 'd']);
    expect(chapterStartsOf([{ orderKey: 'a', level: 2 }, { orderKey: 'b', level: 2 }, { orderKey: 'c', level: 3 }])).toEqual(['a', 'b']);
    expect(chapterStartsOf([{ orderKey: 'a', level: 1 }])).toEqual(['a']);
    expect(chapterStartsOf([])).toEqual([]);
  });

  it('nests headings by level, and puts a volume’s works on top', () => {
    const toc = [
      { segmentId: 's1', workId: 'a', orderKey: 'a', level: 1, text: 'Title' },
      { segmentId: 's2', workId: 'a', orderKey: 'b', level: 3, text: 'Skipped a level' },
      { segmentId: 's3', workId: 'a', orderKey: 'c', level: 2, text: 'Chapter' },
      { segmentId: 's4', workId: 'b', orderKey: 'a', level: 2, text: 'Other' },
    ];
    const labels = (nodes: ReturnType<typeof buildTocTree>): unknown[] => nodes.map((node) => (node.children.length > 0 ? [node.label, labels(node.children)] : node.label));
    expect(labels(buildTocTree({ kind: 'work', works: [work('a')], toc: toc.slice(0, 3) }))).toEqual([['Title', ['Skipped a level', 'Chapter']]]);
    expect(labels(buildTocTree({ kind: 'volume', works: [work('a'), work('b')], toc }))).toEqual([['Work a', [['Title', ['Skipped a level', 'Chapter']]]], ['Work b', ['Other']]]);
  });
});

describe('inline runs', () => {
  it('cuts a text at its marks and emphasis, and drops what XML cannot carry after the cut', () => {
    const text = 'One\u0001 two three';
    const runs = buildRuns(text, [{ start: 5, end: 8 }], [
      { offset: 8, run: { type: 'noteref', noteId: 'n', label: '1' } },
      { offset: 0, run: { type: 'page', anchorId: 'p', label: '7' } },
      { offset: 99, run: { type: 'noteref', noteId: 'm', label: '2' } },
    ]);
    expect(runs).toEqual([
      { type: 'page', anchorId: 'p', label: '7' },
      { type: 'text', text: 'One ', isEmphasis: false },
      { type: 'text', text: 'two', isEmphasis: true },
      { type: 'noteref', noteId: 'n', label: '1' },
      { type: 'text', text: ' three', isEmphasis: false },
      { type: 'noteref', noteId: 'm', label: '2' },
    ]);
  });

  it('knows which languages are written right to left and what they call themselves', () => {
    expect(['ar', 'he', 'fa', 'ru', 'en', 'not a tag'].map(isRightToLeft)).toEqual([true, true, true, false, false, false]);
    expect(languageEndonym('ru')).toBe('Русский');
  });
});
