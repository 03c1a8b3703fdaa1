import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCleanup } from '../../../lib/cleanup';
import { detectWorks, type SplitProposal } from '../../../lib/cleanup/split';
import { findContents } from '../../../lib/cleanup/split/parse-contents';
import { splitLines } from '../../../lib/cleanup/text-lines';

/** The shared corpus lives next to the project root, outside the repository. */
const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');
const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');

/** Builds a cleaned text from printed pages, with an anchor where each page begins. */
function volume(pages: [label: string, text: string][]): { text: string; pages: { label: string; offset: number }[] } {
  let text = '';
  const anchors: { label: string; offset: number }[] = [];
  for (const [label, body] of pages) {
    anchors.push({ label, offset: text.length });
    text += `${body.trim()}\n`;
  }
  return { text, pages: anchors };
}

const filler = (topic: string) =>
  `This paragraph says something about ${topic} at the length of a paragraph, so the page is not only headings; it goes on for a while and ends here.`;

/** A made-up volume: title page, contents, preface, three works, notes. */
const MINI = volume([
  ['i', 'COLLECTED PIECES\nVolume One\nPublishing House, 1950'],
  [
    'iii',
    [
      'CONTENTS',
      'Preface . . . . . . . . . . . . . . . v',
      'ON THE FIRST QUESTION . . . . . . . . 1',
      'I. Its Origins . . . . . . . . . . . . 1',
      'II. Its Consequences . . . . . . . . . 2',
      'A LETTER TO THE EDITORS OF THE',
      'DAILY NEWSPAPER . . . . . . . . . . 3',
      'THE THIRD SPEECH. Delivered at a Meeting of Workers, May 1, 1926 . . 4',
      'Notes . . . . . . . . . . . . . . . . 6',
    ].join('\n'),
  ],
  ['v', `PREFACE\nThis volume contains three pieces. ${filler('On the First Question and the letter')}`],
  ['1', `ON THE FIRST\nQUESTION\nI\nITS ORIGINS\n${filler('origins')}`],
  ['2', `ON THE FIRST QUESTION 2\nII\nITS CONSEQUENCES\n${filler('consequences')}\nMay 1926`],
  ['3', `A LETTER TO THE\nEDITORS OF THE DAILY\nNEWS PAPER\nDear comrades,\n${filler('the letter')}`],
  ['4', `THE  THIRD  SPEECH\nDelivered at a Meeting\nof Workers\nMay 1, 1926\n${filler('the speech')}`],
  ['5', `THE THIRD SPEECH 5\n${filler('the end of the speech')}`],
  ['6', 'NOTES\n1 A note on the first question.\n2 A note on the letter.'],
]);

describe('detectWorks on a made-up volume', () => {
  const proposal = detectWorks(MINI);

  it('reads the contents with wrapped entries and sections', () => {
    expect(proposal?.contents).toEqual([
      { title: 'Preface', page: 'v', level: 1 },
      { title: 'ON THE FIRST QUESTION', page: '1', level: 1 },
      { title: 'I. Its Origins', page: '1', level: 2 },
      { title: 'II. Its Consequences', page: '2', level: 2 },
      { title: 'A LETTER TO THE EDITORS OF THE DAILY NEWSPAPER', page: '3', level: 1 },
      { title: 'THE THIRD SPEECH. Delivered at a Meeting of Workers, May 1, 1926', page: '4', level: 1 },
      { title: 'Notes', page: '6', level: 1 },
    ]);
  });

  it('cuts one part per item, sections staying inside their work', () => {
    const parts = proposal?.works ?? [];
    expect(parts.map((part) => [part.title, part.kind, part.firstPage])).toEqual([
      ['Front matter', 'front-matter', 'i'],
      ['Preface', 'front-matter', 'v'],
      ['ON THE FIRST QUESTION', 'work', '1'],
      ['A LETTER TO THE EDITORS OF THE DAILY NEWSPAPER', 'work', '3'],
      ['THE THIRD SPEECH. Delivered at a Meeting of Workers, May 1, 1926', 'work', '4'],
      ['Notes', 'back-matter', '6'],
    ]);
    expect(parts.every((part) => part.locatedBy === 'title' || part.contentsIndex === null)).toBe(true);
    expect(proposal?.unmatched).toEqual([]);
    expect(MINI.text.slice(parts[2]?.start, parts[2]?.end)).toMatch(/^ON THE FIRST\nQUESTION[\s\S]*May 1926\n$/u);
    expect(MINI.text.slice(parts[4]?.start)).toMatch(/^THE {2}THIRD {2}SPEECH/u);
  });

  it('covers the whole text with contiguous parts', () => {
    const parts = proposal?.works ?? [];
    expect(parts[0]?.start).toBe(0);
    expect(parts.at(-1)?.end).toBe(MINI.text.length);
    for (let i = 1; i < parts.length; i += 1) expect(parts[i]?.start).toBe(parts[i - 1]?.end);
  });

  it('works without page anchors, taking headings in order', () => {
    const parts = detectWorks({ text: MINI.text, pages: [] })?.works ?? [];
    expect(parts.filter((part) => part.kind === 'work').map((part) => part.contentsIndex)).toEqual([1, 4, 5]);
    expect(parts.every((part) => part.firstPage === null)).toBe(true);
  });

  it('finds a heading that line joining glued to the paragraph before it, by its page', () => {
    // Same length, so the page anchors still hold: the speech's heading now ends the letter's last line.
    const glued = MINI.text.replace('\nTHE  THIRD  SPEECH\nDelivered at a Meeting\nof Workers\n', ' THE  THIRD  SPEECH Delivered at a Meeting of Workers\n');
    expect(glued).not.toBe(MINI.text);
    const speech = detectWorks({ text: glued, pages: MINI.pages })?.works.find((part) => part.contentsIndex === 5);
    expect(speech?.locatedBy).toBe('page');
    expect(glued.slice(speech?.start)).toMatch(/^THE {2}THIRD {2}SPEECH Delivered/u);
    expect(speech?.firstPage).toBe('4');
  });

  it('returns null for a text without a table of contents', () => {
    expect(detectWorks({ text: `ONE WORK\n${filler('one thing')}\n${filler('another')}`, pages: [] })).toBeNull();
  });
});

describe('detectWorks on the corpus', () => {
  function detect(name: string): SplitProposal | null {
    return detectWorks(runCleanup(read(name), { format: 'txt' }));
  }

  it('splits the OCR volume into the works of its contents', () => {
    const proposal = detect('stalin-works-vol8-ocr.en.txt');
    expect(proposal).not.toBeNull();
    if (!proposal) return;
    const items = proposal.contents.filter((entry) => entry.level === 1);
    // Read from the volume's printed contents: 26 items, the preface, 23 works, the notes and the chronicle;
    // sections such as "I. The Definition of Leninism" are not items.
    expect(items).toHaveLength(26);
    expect(proposal.contents.find((entry) => entry.title.startsWith('I. The Definition of Leninism'))?.level).toBeGreaterThan(1);
    expect(items.at(-1)?.title).toMatch(/^Biographical Chronicle/u);

    const located = proposal.works.filter((part) => part.contentsIndex !== null);
    expect(located.length).toBeGreaterThanOrEqual(Math.ceil(0.9 * items.length));
    const works = proposal.works.filter((part) => part.kind === 'work');
    expect(works.length).toBeGreaterThanOrEqual(21);
    expect(works.length).toBeLessThanOrEqual(23);
    expect(works.filter((part) => part.locatedBy === 'title').length).toBeGreaterThanOrEqual(Math.ceil(0.9 * 23));

    // Parts follow the order of the contents and of the text.
    const indices = located.map((part) => part.contentsIndex ?? -1);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    for (let i = 1; i < proposal.works.length; i += 1) {
      expect(proposal.works[i]?.start).toBeGreaterThan(proposal.works[i - 1]?.start ?? -1);
    }

    // Each work starts on the page its contents entry gives.
    const onTheirPage = works.filter((part) => part.firstPage === proposal.contents[part.contentsIndex ?? -1]?.page);
    expect(onTheirPage.length).toBeGreaterThanOrEqual(Math.ceil(0.8 * works.length));

    // Notes and chronicle are parts of their own, not the end of the last speech.
    expect(proposal.works.filter((part) => part.kind === 'back-matter').map((part) => part.title)).toEqual([
      'Notes',
      'Biographical Chronicle (January-November 1926)',
    ]);
  });

  // The page after a run of spaces, after one space, and alone on the line below the title.
  it.each([
    ['after a run of spaces', '      '],
    ['after one space', ' '],
    ['on the line below the title', '\n'],
  ])('still splits the OCR volume when its contents gives the pages %s instead of after dot leaders', (_, separator) => {
    const text = read('stalin-works-vol8-ocr.en.txt');
    const contents = findContents(splitLines(text));
    expect(contents).not.toBeNull();
    const start = contents?.start ?? 0;
    const end = contents?.end ?? 0;
    const leaders = /(?:[ \t]*[.·…_][ \t]*){2,}(?=(?:\d{1,4}|[IVXLCDM]{1,7})(?:[ \t]*$|[ \t]+\S))/gmu;
    const variant = text.slice(0, start) + text.slice(start, end).replace(leaders, separator) + text.slice(end);
    expect(variant).not.toBe(text);
    const proposal = detectWorks(runCleanup(variant, { format: 'txt' }));
    const items = proposal?.contents.filter((entry) => entry.level === 1) ?? [];
    expect(items.length).toBeGreaterThanOrEqual(22);
    expect(items.length).toBeLessThanOrEqual(26);
    const works = proposal?.works.filter((part) => part.kind === 'work') ?? [];
    expect(works.length).toBeGreaterThanOrEqual(19);
    expect(works.length).toBeLessThanOrEqual(23);
    const indices = (proposal?.works ?? []).flatMap((part) => (part.contentsIndex === null ? [] : [part.contentsIndex]));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  }, 30_000);

  it('does not split a single work', () => {
    const proposal = detect('wells-stalin-interview-1934.en.txt');
    expect(proposal === null || proposal.works.filter((part) => part.kind === 'work').length <= 1).toBe(true);
  });

  it('does not invent a contents for a collection of pieces without one', () => {
    expect(detect('lenin-stalin-quotes-collection.en.txt')).toBeNull();
  });
});
