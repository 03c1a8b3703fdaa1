import { describe, expect, it } from 'vitest';

import { segmentDocument, type SegmentedBlock } from '../../../lib/segment/segmenter';
import { layoutMarker, readLayoutMarker, removeLayoutMarkerChars, type BlockLayout } from '../../../lib/segment/segmenter/block-layout';

const md = (text: string) => segmentDocument(text, { language: 'en', format: 'md' });

/** Each block as its kind (or paragraph layout, with a nested list's depth, speaker or marker) and its text. */
function shape(blocks: SegmentedBlock[]): string[] {
  return blocks.map((block) => {
    if (block.kind !== 'paragraph') return `${block.kind}: ${block.text}`;
    const layout = block.layout;
    const name = layout ? `${layout.style}${layout.depth > 0 ? `+${layout.depth}` : ''}${layout.speaker ? ` ${layout.speaker}` : ''}${layout.marker ? ` ${layout.marker}` : ''}` : 'PROSE';
    return `${name}: ${block.sentences.map((sentence) => sentence.text).join(' ')}`;
  });
}

describe('Markdown block quotations', () => {
  it('reads quotations over several lines and paragraphs, nested ones flat, lazy lines included', () => {
    const text = ['He wrote:', '', '> The first line', 'goes on here.', '>', '> A second paragraph.', '> > A nested quotation.', '', 'Back to the text.'].join('\n');
    expect(shape(md(text))).toEqual([
      'PROSE: He wrote:',
      'QUOTE: The first line goes on here.',
      'QUOTE: A second paragraph. A nested quotation.',
      'PROSE: Back to the text.',
    ]);
  });

  it('ends a quotation at a blank line, and a line rule ends it too', () => {
    expect(shape(md(['> Quoted.', '', 'Not quoted.', '> Quoted again.', '***', 'After the rule.'].join('\n')))).toEqual([
      'QUOTE: Quoted.',
      'PROSE: Not quoted.',
      'QUOTE: Quoted again.',
      'PROSE: After the rule.',
    ]);
  });
});

describe('Markdown lists', () => {
  it('reads bulleted and numbered items, numbered as Markdown shows them', () => {
    const text = ['Intro:', '- first', '* second', '  still the second', '', '1. one', '1. two', '', '7) seven', '8) eight'].join('\n');
    expect(shape(md(text))).toEqual([
      'PROSE: Intro:',
      'LIST_ITEM •: first',
      'LIST_ITEM •: second still the second',
      'LIST_ITEM 1.: one',
      'LIST_ITEM 2.: two',
      'LIST_ITEM 7): seven',
      'LIST_ITEM 8): eight',
    ]);
  });

  it('numbers nested lists on their own, keeps how deep they are, and keeps a further paragraph of an item with it', () => {
    const text = ['1. one', '   - a detail', '   - another', '2. two', '', '   More about two.', '', 'Prose again.', '', '1. a new list'].join('\n');
    expect(shape(md(text))).toEqual([
      'LIST_ITEM 1.: one',
      'LIST_ITEM+1 •: a detail',
      'LIST_ITEM+1 •: another',
      'LIST_ITEM 2.: two',
      'LIST_ITEM: More about two.',
      'PROSE: Prose again.',
      'LIST_ITEM 1.: a new list',
    ]);
  });

  it('does not start a list inside a paragraph with a number other than 1, nor read rules as items', () => {
    expect(shape(md(['It happened in the year', '1917. The war went on.', '', '* * *', '', '- - -', 'Text.'].join('\n')))).toEqual(['PROSE: It happened in the year 1917. The war went on.', 'PROSE: Text.']);
  });
});

describe('layout markers', () => {
  const turn: BlockLayout = { style: 'SPEAKER_TURN', speaker: 'Wells', marker: null, depth: 0 };
  const item: BlockLayout = { style: 'LIST_ITEM', speaker: null, marker: 'a)', depth: 0 };

  it('round-trips a layout, and a stray marker character in a name cannot break it', () => {
    expect(readLayoutMarker(`${layoutMarker(turn)} I am grateful.`)).toEqual({ layout: turn, length: layoutMarker(turn).length + 1 });
    const nested: BlockLayout = { ...item, depth: 2 };
    expect(readLayoutMarker(`${layoutMarker(nested)}a sub-item`)?.layout).toEqual(nested);
    // Only list items are nested; a depth given to another layout is not kept.
    expect(readLayoutMarker(layoutMarker({ ...turn, depth: 3 }))?.layout.depth).toBe(0);
    expect(readLayoutMarker(layoutMarker({ style: 'SPEAKER_TURN', speaker: 'We\uFDD2lls\n', marker: null, depth: 0 }))?.layout.speaker).toBe('Wells');
    expect(readLayoutMarker('Wells. I am grateful.')).toBeNull();
    expect(removeLayoutMarkerChars('a\uFDD1b\uFDD2c\uFDD3d')).toBe('abcd');
  });

  it('gives plain text and Markdown paragraphs their layout, a marker line starting a paragraph of its own', () => {
    const text = ['A title line that is a heading', '', `${layoutMarker(turn)}I am grateful. I came to ask.`, `${layoutMarker(item)}to the first group;`, `${layoutMarker({ style: 'PROSE', speaker: null, marker: null, depth: 0 })}Prose again.`].join('\n');
    const expected = ['SPEAKER_TURN Wells: I am grateful. I came to ask.', 'LIST_ITEM a): to the first group;', 'PROSE: Prose again.'];
    expect(shape(segmentDocument(text, { language: 'en', format: 'txt' })).slice(1)).toEqual(expected);
    expect(shape(md(text)).slice(1)).toEqual(expected);
  });

  it('keeps a page that begins on the marker line with the paragraph', () => {
    const text = ['Before.', '', '[Page 7]', `${layoutMarker(turn)}After the page.`].join('\n');
    const blocks = segmentDocument(text, { language: 'en', format: 'txt' });
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', sentences: [{ text: 'After the page.', pages: [{ label: '7', offset: 0 }] }], layout: turn });
  });
});

describe('a capital title wrapped over several lines', () => {
  const txt = (text: string, titles?: string[]) => shape(segmentDocument(text, { language: 'en', format: 'txt', ...(titles ? { titles } : {}) }));

  it('is one heading when a line ends with a function word or the next begins with one', () => {
    const text = ['ON THE MAKING', '', 'OF LANTERNS', '', 'AND OTHER LAMPS FOR', '', '“THE NIGHT SHIFT”', '', 'Some text follows here.'].join('\n');
    expect(txt(text)).toEqual(['heading: ON THE MAKING OF LANTERNS AND OTHER LAMPS FOR “THE NIGHT SHIFT”', 'PROSE: Some text follows here.']);
  });

  it('keeps a byline, a dedication and a numbered section apart from the title', () => {
    const text = ['NOTES ON LANTERNS', '', 'A. B. SMITH', '', 'I', '', 'THE FIRST LAMP', '', 'II. THE SECOND LAMP', '', 'Text.'].join('\n');
    expect(txt(text)).toEqual(['heading: NOTES ON LANTERNS', 'heading: A. B. SMITH', 'heading: I', 'heading: THE FIRST LAMP', 'heading: II. THE SECOND LAMP', 'PROSE: Text.']);
  });

  it('joins lines without a function word when together they begin a known title, and reads through a note reference and a page mark', () => {
    const text = ['GREEN LANTERNS', '', 'RED[Page 4] LAMPS[^2]', '', 'PLAIN WORDS', '', 'Text.'].join('\n');
    expect(txt(text)).toEqual(['heading: GREEN LANTERNS', 'heading: RED LAMPS[^2]', 'heading: PLAIN WORDS', 'PROSE: Text.']);
    const joined = segmentDocument(text, { language: 'en', format: 'txt', titles: ['GREEN LANTERNS RED LAMPS. A Speech'] });
    expect(shape(joined)).toEqual(['heading: GREEN LANTERNS RED LAMPS[^2]', 'heading: PLAIN WORDS', 'PROSE: Text.']);
    expect(joined[0]?.kind === 'heading' ? joined[0].pages.map((page) => page.label) : []).toEqual(['4']);
  });
});
