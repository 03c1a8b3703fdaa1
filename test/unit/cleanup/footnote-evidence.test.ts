import { describe, expect, it } from 'vitest';

import { runCleanup } from '../../../lib/cleanup';

/** Markers as linked: [printed label, the note's label]. */
function links(text: string): [string, string | undefined][] {
  const result = runCleanup(text, { enabled: { 'line-joins': false } });
  return result.footnotes.map((link) => [link.label, result.notes.find((note) => note.offset === link.noteOffset)?.label]);
}

const notes = (count: number) => ['', 'NOTES', ...Array.from({ length: count }, (_, i) => `${i + 1} The note number ${i + 1}.`)].join('\n');

describe('footnote markers lost in the text, found with the notes as evidence', () => {
  it('reads every note of a notes section as a note, with or without a marker, and says how many have none', () => {
    const result = runCleanup(`The first crisis,1 came and went, and the third crisis,3 came.\n${notes(3)}`);
    expect(result.notes.map((note) => note.label)).toEqual(['1', '2', '3']);
    expect(result.footnotes.map((link) => link.label)).toEqual(['1', '3']);
    expect(result.proposals.find((p) => p.ruleId === 'footnote-markers')?.summary).toMatch(/1 numbered notes without a marker/u);
  });

  it('takes a marker glued to a year only where the note before and after it have theirs', () => {
    expect(links(`The first crisis,1 came in 19232 and the third crisis,3 was worse.\n${notes(3)}`)).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
    const plain = runCleanup(`The first crisis,1 came in 1923 and the third crisis,3 was worse.\n${notes(3)}`);
    expect(plain.text).toContain('came in 1923 and');
    expect(plain.footnotes.map((link) => link.label)).toEqual(['1', '3']);
    // A year that ends in the next note's number is no marker when the note is not missing.
    const year = runCleanup(`The first crisis,1 came in 1922 and the second crisis,2 came too.\n${notes(2)}`);
    expect(year.text).toContain('came in 1922 and');
  });

  it('takes a marker after a year and its comma, or glued to a page number', () => {
    expect(links(`The first crisis,1 was in 1908,2 when the war,3 began.\n${notes(3)}`)).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
    const page = runCleanup(`The first crisis,1 (see the minutes, p. 172). The war,3 ended.\n${notes(3)}`);
    expect(page.text).toContain('(see the minutes, p. 17). The war');
    expect(page.footnotes.map((link) => link.label)).toEqual(['1', '2', '3']);
  });

  it('takes a marker set apart after a closing quote, a bracket or at the start of a line, and not a number in a sentence', () => {
    expect(links(`The first crisis,1 was “the worst.” 2 Then the war,3 ended.\n${notes(3)}`)).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
    expect(links(`The first crisis,1 as he says (Lenin) 2 which the war,3 ended.\n${notes(3)}`)).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
    expect(links(`The first crisis,1 came before the conference.\n2 But the war,3 ended.\n${notes(3)}`)).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
    const sentence = runCleanup(`The first crisis,1 lasted for 2 years and the war,3 ended.\n${notes(3)}`);
    expect(sentence.text).toContain('lasted for 2 years');
    expect(sentence.footnotes.map((link) => link.label)).toEqual(['1', '3']);
    // Two numbers that could be the marker: neither is taken.
    const twice = runCleanup(`The first crisis,1 was “the worst.” 2 and “the last.” 2 Then the war,3 ended.\n${notes(3)}`);
    expect(twice.footnotes.map((link) => link.label)).toEqual(['1', '3']);
  });

  it('never takes a page, volume or issue number, a range or a number alone on its line', () => {
    const text = `The first crisis,1 (see Vol. 2, No. 2 and pp. 2-4).\n2\nThe war,3 ended.\n${notes(3)}`;
    const result = runCleanup(text, { enabled: { 'line-joins': false } });
    expect(result.footnotes.map((link) => link.label)).toEqual(['1', '3']);
    expect(result.text).toContain('(see Vol. 2, No. 2 and pp. 2-4).\n2\n');
  });

  it('takes the one number OCR read a digit off for a missing note', () => {
    expect(links(`The crisis,1 then the paper Slovo, 3 and the war,3 ended.\n${notes(3)}`)).toEqual([['1', '1'], ['3', '2'], ['3', '3']]);
  });

  it('matches notes numbered apart from the markers by order when the counts agree, and reports them otherwise', () => {
    expect(links('The crisis,37 and the war,38 ended.\n\n1 The crisis of that year.\n2 The war in the south.')).toEqual([['37', '1'], ['38', '2']]);
    const differ = runCleanup('The crisis,37 the war,38 and the peace,39 ended.\n\nNOTES\n1 The crisis of that year.\n2 The war in the south.');
    expect(differ.footnotes).toEqual([]);
    expect(differ.notes.map((note) => note.label)).toEqual(['1', '2']);
    expect(differ.text).toContain('crisis,37 the war,38 and the peace,39');
  });

  it('does not read numbered paragraphs as notes, nor take the markers of the notes after them', () => {
    const text = [
      'The crisis,1 came and the war,2 ended.',
      '1 Firstly, the harvest was poor in every province of the country.',
      '2 Secondly, the roads were closed all winter long.',
      'The peace,3 was signed.',
      notes(3),
    ].join('\n');
    expect(links(text)).toEqual([['1', '1'], ['2', '2'], ['3', '3']]);
    const result = runCleanup(text);
    expect(result.notes.filter((note) => result.text.slice(note.offset).startsWith('Firstly'))).toEqual([]);
  });

  it('reads a note over several lines, and a paragraph of its own inside it, as one note', () => {
    const text = `The crisis,1 came and the war,2 ended.\n\nNOTES\n1 The crisis of that year, which\nlasted long.\nIts second paragraph.\n2 The war.`;
    const result = runCleanup(text, { enabled: { 'line-joins': false } });
    const first = result.notes[0];
    expect(result.text.slice(first?.offset, first?.end)).toBe('The crisis of that year, which\nlasted long.\nIts second paragraph.');
  });
});

describe('asterisk notes', () => {
  it('links the stars of a page to the notes at its foot, by the number of stars', () => {
    const text = [
      'He skipped over* the stage and “the whole of it”** as he said. “It was all.”* And then',
      '* My italics.',
      '** The author’s note.',
      '',
      'the next page goes on.',
    ].join('\n');
    const result = runCleanup(text);
    expect(result.notes.map((note) => [note.label, result.text.slice(note.offset, note.end)])).toEqual([
      ['*', 'My italics.'],
      ['**', 'The author’s note.'],
    ]);
    expect(result.footnotes.map((link) => [link.label, result.notes.find((note) => note.offset === link.noteOffset)?.label])).toEqual([
      ['*', '*'],
      ['**', '**'],
      ['*', '*'],
    ]);
    expect(result.text).toContain('skipped over the stage and “the whole of it” as he said. “It was all.” And then');
  });

  it('splits a `**` note run on after the `*` note of the same page, and reads a note without a space after its star', () => {
    const result = runCleanup('The words* and the deeds** differ.\n* The first note.—Tr. ** My italics.\n\nNext.\n\nAnother page (see the paper).\n*The speech is abridged.');
    expect(result.notes.map((note) => [note.label, result.text.slice(note.offset, note.end)])).toEqual([
      ['*', 'The first note.—Tr.'],
      ['**', 'My italics.'],
      ['*', 'The speech is abridged.'],
    ]);
    expect(result.footnotes.map((link) => link.label)).toEqual(['*', '**']);
  });

  it('takes a star set apart after an ellipsis, and leaves emphasis and lone stars alone', () => {
    const marked = runCleanup('He said that it holds in England . . . * (see the book).\n* My italics.');
    expect(marked.footnotes.map((link) => link.label)).toEqual(['*']);
    const emphasis = '**Wells:** Yes.\n\n**Stalin:** No.\n\nA * star alone and 2 * 3 = 6.';
    const plain = runCleanup(emphasis);
    expect(plain.notes).toEqual([]);
    expect(plain.footnotes).toEqual([]);
  });

  it('keeps an asterisk note a line of its own when the lines around it are joined', () => {
    const lines = [
      'The history of the question is long and we cannot go over all of it now,',
      'but a few words are needed about the way in which the matter was handled',
      'in the years of the war (see the paper, No. 119, May 26, 1926).',
      '*The speech is given here in abbreviated form.',
      'and a long sentence carries on from the page before across the break of it',
      'with more words than a line can hold, so that it has to wrap once again here.',
      '* See this volume, pp. 46-47, 47-48, 50, 54, 55 and the pages after.—Ed.',
      'Even more characteristic is the way in which the congress took the matter up,',
      'which everybody in the hall remembered for a long time after it had ended.',
    ];
    const result = runCleanup(lines.join('\n'), { enabled: { 'footnote-markers': false } });
    const out = result.text.split('\n');
    expect(out).toContain('*The speech is given here in abbreviated form.');
    expect(out).toContain('* See this volume, pp. 46-47, 47-48, 50, 54, 55 and the pages after.—Ed.');
  });
});
