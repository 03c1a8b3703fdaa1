import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { prepareText, prepareVolume } from '../../../lib/import/prepare-text';

/** The shared corpus lives next to the project root, outside the repository. */
const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');

describe('preparing the OCR volume for import', () => {
  const volume = prepareVolume({ bytes: readFileSync(path.join(CORPUS_DIR, 'stalin-works-vol8-ocr.en.txt')), filename: 'vol8.txt', language: 'en' });
  const parts = volume?.parts ?? [];

  it('keeps the page numbers of the contents with their entries', () => {
    const contents = parts.find((part) => part.rows.some((row) => row.text === 'CONTENTS' || row.text?.startsWith('Preface . . .')));
    expect(contents?.kind).toBe('front-matter');
    const texts = contents?.rows.flatMap((row) => (row.text === null ? [] : [row.text])) ?? [];
    expect(texts.filter((text) => /^\s*\d+\s*$/u.test(text))).toEqual([]);
    expect(texts).toContain('I . . . . . . . . . . . . . . . . . 1');
  });

  it('starts each item of the contents with its heading', () => {
    const words = (text: string) => text.toLowerCase().replace(/\s+/gu, ' ').trim();
    // Everything but the part before the first item (title pages and the contents itself).
    const items = parts.slice(1);
    expect(items.length).toBeGreaterThanOrEqual(25);
    const missing = items.filter((part) => {
      const first = part.rows.find((row) => row.text !== null);
      return first?.kind !== 'HEADING' || !words(part.title).startsWith(words(first.text ?? ''));
    });
    expect(missing.map((part) => part.title)).toEqual([]);
  });
});

describe('preparing the scraped web page for import', () => {
  it('starts the work with the article’s byline and title, set apart above it, as headings', () => {
    const name = 'razlatzky-notes-in-the-margins.en.txt';
    const prepared = prepareText({ bytes: readFileSync(path.join(CORPUS_DIR, name)), filename: name, language: 'en' });
    const [byline, title, first] = prepared.rows.filter((row) => row.text !== null);
    expect([byline?.kind, byline?.text]).toEqual(['HEADING', 'A. B. Razlatzky']);
    expect([title?.kind, title?.text]).toEqual(['HEADING', 'Notes in the Margins of History']);
    expect([first?.kind, first?.text]).toEqual(['SENTENCE', 'I must say at once that I am a Marxist.']);
  });
});
