import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { segmentDocument, type SegmentedBlock } from '../../../lib/segment/segmenter';

/** The shared corpus lives next to the project root, outside the repository. */
const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');
const PAGE_MARKER = /\[[ \t]*(?:page|p\.)[ \t]*(?:[0-9]+[a-z]?|[ivxlcdm]+)[ \t]*\]/giu;

const files = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();

const segmented = new Map<string, SegmentedBlock[]>(
  files.map((name) => [
    name,
    segmentDocument(readFileSync(path.join(CORPUS_DIR, name), 'utf8'), { language: 'en', format: 'txt' }),
  ]),
);

/** Every text element of the output (headings, sentences, footnotes) with its page marks. */
function elements(blocks: SegmentedBlock[]): { text: string; pages: { label: string; offset: number }[] }[] {
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? b.sentences : [b]));
}

function sentences(name: string): string[] {
  return (segmented.get(name) ?? []).flatMap((b) => (b.kind === 'paragraph' ? b.sentences.map((s) => s.text) : []));
}

/** The one sentence starting with `prefix`; fails if there is none. */
function sentenceStartingWith(name: string, prefix: string): string {
  const found = sentences(name).find((s) => s.startsWith(prefix));
  if (found === undefined) throw new Error(`no sentence in ${name} starts with ${JSON.stringify(prefix)}`);
  return found;
}

/** Index of the sentence starting with `prefix`, to check what comes right after it. */
function indexOfSentence(name: string, prefix: string): number {
  const index = sentences(name).findIndex((s) => s.startsWith(prefix));
  expect(index, prefix).toBeGreaterThanOrEqual(0);
  return index;
}

function nonWhitespaceLength(text: string): number {
  return text.replace(/\s/gu, '').length;
}

describe('segmenting the shared corpus', () => {
  it('finds the corpus files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  describe.each(files)('%s', (name) => {
    const input = readFileSync(path.join(CORPUS_DIR, name), 'utf8');
    const blocks = segmented.get(name) ?? [];
    const all = elements(blocks);

    it('produces blocks without empty segments', () => {
      expect(blocks.length).toBeGreaterThan(0);
      for (const block of blocks) {
        if (block.kind === 'paragraph') expect(block.sentences.length).toBeGreaterThan(0);
      }
      for (const element of all) {
        expect(element.text.trim()).toBe(element.text);
        expect(element.text).not.toBe('');
        expect(element.text).not.toMatch(/\s\s|\n/u);
      }
    });

    it('leaves no page marker or placeholder in the text', () => {
      for (const element of all) {
        expect(element.text).not.toMatch(PAGE_MARKER);
        expect(element.text).not.toContain('\uFDD0');
      }
    });

    it('loses no characters', () => {
      const expected = input.replace(/^\uFEFF/u, '').normalize('NFC').replace(PAGE_MARKER, '');
      const output = all.map((e) => e.text).join('');
      expect(nonWhitespaceLength(output)).toBe(nonWhitespaceLength(expected));
      expect(output.replace(/\s/gu, '')).toBe(expected.replace(/\s/gu, ''));
    });

    it('reports one page mark per marker, with offsets inside the text', () => {
      const markers = input.match(PAGE_MARKER) ?? [];
      const marks = all.flatMap((e) => e.pages.map((p) => ({ ...p, length: e.text.length })));
      expect(marks.length).toBe(markers.length);
      for (const mark of marks) {
        expect(mark.offset).toBeGreaterThanOrEqual(0);
        expect(mark.offset).toBeLessThanOrEqual(mark.length);
      }
    });
  });
});

describe('known sentences in the corpus', () => {
  describe('wells-stalin-interview-1934.en.txt', () => {
    const name = 'wells-stalin-interview-1934.en.txt';

    it('keeps "Mr." inside sentences', () => {
      expect(sentenceStartingWith(name, 'I am very grateful to you, Mr. Stalin')).toMatch(/receive me\.$/u);
      expect(sentenceStartingWith(name, 'You, Mr. Wells, seem to be')).toMatch(/kind\.$/u);
      expect(sentenceStartingWith(name, 'It seems to me, Mr. Wells,')).toMatch(/concept\.$/u);
    });

    it('keeps speaker turns and neighbouring sentences apart', () => {
      const all = sentences(name);
      const grateful = indexOfSentence(name, 'I am very grateful to you');
      expect(all[grateful - 1]).toBe('Wells.');
      expect(all[grateful + 1]).toMatch(/^I was recently in the United States/u);
      expect(all.filter((s) => s === 'Stalin.').length).toBeGreaterThan(10);
    });

    it('removes the [p.NN] markers and points at the word where the page starts', () => {
      const marked = elements(segmented.get(name) ?? []).filter((e) => e.pages.length > 0);
      const byLabel = new Map(marked.flatMap((e) => e.pages.map((p) => [p.label, e.text.slice(p.offset)] as const)));
      expect(byLabel.get('29')).toMatch(/^organizer of rational production/u);
      expect(byLabel.get('33')).toMatch(/^that the old order/u);
    });
  });

  describe('lenin-stalin-quotes-collection.en.txt', () => {
    const name = 'lenin-stalin-quotes-collection.en.txt';

    it('keeps initials, "Mr.", "No." and "etc." inside sentences', () => {
      expect(sentenceStartingWith(name, 'It has been decided that Mr. Harpal Brar')).toMatch(/first term\.$/u);
      expect(sentenceStartingWith(name, 'Source: The Position of the Bund')).toMatch(/No\. 51, October 22, 1903\.$/u);
      expect(sentenceStartingWith(name, 'He continued:')).toContain('etc. from all the bourgeoisie');
      expect(sentenceStartingWith(name, 'Ilyich Lenin highly valued Stalin')).toContain('V.I. entrusted Stalin');
    });

    it('reads the signature line as an all-caps heading', () => {
      const blocks = segmented.get(name) ?? [];
      expect(blocks).toContainEqual({ kind: 'heading', level: 1, text: 'V. I. LENIN (1903)', pages: [] });
      expect(blocks[0]).toMatchObject({ kind: 'heading', level: 2 });
    });

    it('does not merge distinct sentences', () => {
      const all = sentences(name);
      const i = indexOfSentence(name, 'From the midst of the mass of people');
      expect(all[i]).not.toContain('Stakhanovite');
      expect(all[i + 1]).toMatch(/^The Stakhanovite movement/u);
    });
  });

  describe('razlatzky-notes-in-the-margins.en.txt', () => {
    const name = 'razlatzky-notes-in-the-margins.en.txt';

    it('keeps "i.e." and initials inside sentences', () => {
      expect(sentenceStartingWith(name, 'This, in no way, is a departure from Marx')).toContain(
        'i.e. the proletariat organized as the ruling class',
      );
      expect(sentenceStartingWith(name, '[2] General L. G. Kornilov')).toContain('led an insurrection');
    });

    it('reads the author line as a heading', () => {
      expect(segmented.get(name)).toContainEqual({ kind: 'heading', level: 2, text: 'A. B. Razlatzky', pages: [] });
    });

    it('does not merge distinct sentences', () => {
      const all = sentences(name);
      const i = indexOfSentence(name, 'I must say at once');
      expect(all[i]).toBe('I must say at once that I am a Marxist.');
      expect(all[i + 1]).toMatch(/^Right away, this makes me/u);
    });
  });

  describe('stalin-works-vol8-ocr.en.txt', () => {
    const name = 'stalin-works-vol8-ocr.en.txt';

    it('keeps "Vol.", "p.", "i.e." and C.P.S.U.(B.) inside sentences', () => {
      expect(sentences(name)).toContain('(See Vol. XXIII, p. 386.)');
      expect(sentences(name)).toContain('A few illustrations from the history of the C.P.S.U.(B.).');
      const therefore = sentences(name).filter((s) => s.startsWith('Therefore, whoever identifies'));
      expect(therefore.some((s) => /the Soviets, i\.e\., for the state power\.$/u.test(s))).toBe(true);
    });

    it('keeps "J. V. Stalin" whole, also with OCR spacing', () => {
      expect(sentenceStartingWith(name, 'J. V. Stalin arrives in')).toMatch(/^J\. V\. Stalin arrives in \S+\.$/u);
      expect(sentences(name).filter((s) => s.startsWith('J. V. Stalin ')).length).toBeGreaterThan(30);
      expect(sentences(name).some((s) => /^(?:J|J \.|V\.)$/u.test(s))).toBe(false);
    });

    it('does not merge distinct sentences', () => {
      const all = sentences(name);
      const i = indexOfSentence(name, 'What do these facts show?');
      expect(all[i]).toBe('What do these facts show?');
      expect(all[i + 1]).toMatch(/^They show that the question/u);
    });
  });
});
