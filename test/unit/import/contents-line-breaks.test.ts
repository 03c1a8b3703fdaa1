import { describe, expect, it } from 'vitest';

import { contentsLineBreaks } from '../../../lib/import/contents-line-breaks';
import { prepareVolume } from '../../../lib/import/prepare-text';

const apply = (text: string) => {
  let out = '';
  let cursor = 0;
  for (const edit of contentsLineBreaks(text, 0, text.length)) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
};

describe('the line breaks of a table of contents', () => {
  it('joins a page number left alone below a wrapped title to it, and ends a paragraph after each entry', () => {
    const contents = ['Preface . . . . . v', 'A Letter to the Editors of the Daily', 'Newspaper in Town . . . . .', '   3', 'The Third Speech      4', 'Notes', '', '6', 'Index 9'].join('\n');
    expect(apply(contents).split('\n\n')).toEqual(['Preface . . . . . v', 'A Letter to the Editors of the Daily\nNewspaper in Town . . . . . 3', 'The Third Speech      4', 'Notes 6', 'Index 9']);
  });

  it('reads only its range, and a long line of leaders in linear time', () => {
    const text = `intro\n12\n${'. '.repeat(200_000)}\nA Title\n7\nafter\n5`;
    const from = text.indexOf('. ');
    const to = text.indexOf('\nafter');
    const started = performance.now();
    const edits = contentsLineBreaks(text, from, to);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(edits.every((edit) => edit.start >= from && edit.end <= to)).toBe(true);
    expect(edits.map((edit) => [text.slice(edit.start, edit.end), edit.text])).toEqual([['\n', ' ']]);
  });
});

describe('a volume whose contents wraps a title and leaves its page alone on a line', () => {
  const filler = (topic: string) => `This paragraph says something about ${topic} at the length of a paragraph, so the piece is not only a heading; it goes on for a while and ends here.`;
  const body = ['PREFACE', filler('the volume'), 'ON THE FIRST QUESTION', filler('the first question'), 'A LETTER TO THE EDITORS OF THE DAILY NEWSPAPER IN TOWN', filler('the letter'), 'THE THIRD SPEECH', filler('the speech'), 'NOTES', '1 A note on the letter.'].join('\n\n');
  const contents = ['Preface        v', 'On the First Question        1', 'A Letter to the Editors of the Daily', 'Newspaper in Town', '        3', 'The Third Speech       4', 'Notes        6'];
  const text = ['COLLECTED TALKS', 'Volume One', '', 'CONTENTS', '', ...contents, '', body].join('\n');

  it('keeps each page number with its entry, one row per entry, and splits the same works', () => {
    const volume = prepareVolume({ bytes: new TextEncoder().encode(text), filename: 'talks.txt', language: 'en' });
    const front = volume?.parts[0]?.rows.flatMap((row) => (row.text === null ? [] : [row.text])) ?? [];
    // Before: `3` was a sentence alone, and the entries around it ran together into one paragraph.
    expect(front.filter((row) => /^\s*(?:\d+|[ivxlc]+)\s*$/iu.test(row))).toEqual([]);
    expect(front.slice(2)).toEqual(['Preface v', 'On the First Question 1', 'A Letter to the Editors of the Daily Newspaper in Town 3', 'The Third Speech 4', 'Notes 6']);
    expect(volume?.parts.map((part) => part.title)).toEqual(['Front matter', 'Preface', 'On the First Question', 'A Letter to the Editors of the Daily Newspaper in Town', 'The Third Speech', 'Notes']);
  });
});
