import { describe, expect, it } from 'vitest';

import { liftFootnotes } from '../../../lib/import/lift-footnotes';
import { prepareText } from '../../../lib/import/prepare-text';
import type { SegmentRow } from '../../../lib/segment/build-segment-rows';

const sentence = (text: string, parentIndex: number, pages: SegmentRow['pages'] = []): SegmentRow => ({ kind: 'SENTENCE', level: 0, label: null, text, parentIndex, pages });
const paragraph = (): SegmentRow => ({ kind: 'PARAGRAPH', level: 0, label: null, text: null, parentIndex: null, pages: [] });

describe('liftFootnotes', () => {
  it('takes references out of the text as data and turns note paragraphs into footnotes', () => {
    const rows = liftFootnotes([
      paragraph(),
      sentence('The crisis,[^1] as everyone knew, was over.', 0),
      sentence('It ended[^2] [Page] quickly.', 0, [{ label: '9', offset: 13 }]),
      paragraph(),
      sentence('[^1]: A crisis of the year before.', 3),
      sentence('It lasted long.', 3),
    ]);
    expect(rows.map((row) => [row.kind, row.text, row.label])).toEqual([
      ['PARAGRAPH', null, null],
      ['SENTENCE', 'The crisis, as everyone knew, was over.', null],
      ['SENTENCE', 'It ended [Page] quickly.', null],
      ['FOOTNOTE', 'A crisis of the year before. It lasted long.', '1'],
    ]);
    expect(rows[1]?.footnoteRefs).toEqual([{ label: '1', offset: 11 }]);
    expect(rows[2]?.footnoteRefs).toEqual([{ label: '2', offset: 8 }]);
    // The page anchor after the removed marker moved with the text.
    expect(rows[2]?.pages).toEqual([{ label: '9', offset: 9 }]);
  });
});

describe('footnotes through the import preparation', () => {
  it('links glued footnote numbers to the notes at the end, as data', () => {
    const text = [
      'The delegates argued about the harvest for a long time.1 Nobody agreed on the figures, and the',
      'meeting was adjourned until the following week when the reports arrived.2 Then the vote was taken.',
      '',
      'NOTES',
      '',
      '1 The harvest of that year was the worst in a decade.',
      '2 The reports came from the provincial committees.',
    ].join('\n');
    const prepared = prepareText({ bytes: new TextEncoder().encode(text), filename: 'notes.txt', language: 'en' });
    const notes = prepared.rows.filter((row) => row.kind === 'FOOTNOTE').map((row) => [row.label, row.text]);
    expect(notes).toEqual([
      ['1', 'The harvest of that year was the worst in a decade.'],
      ['2', 'The reports came from the provincial committees.'],
    ]);
    const refs = prepared.rows.flatMap((row) => (row.footnoteRefs ?? []).map((ref) => [ref.label, row.text?.slice(0, ref.offset).split(' ').at(-1)]));
    expect(refs).toEqual([
      ['1', 'time.'],
      ['2', 'arrived.'],
    ]);
    expect(prepared.rows.some((row) => row.text?.includes('[^'))).toBe(false);
  });

  it('keeps a reference right before a colon as a reference, not as a note', () => {
    const text = [
      'The delegates quoted what was said at the congress of the party1: “We shall win.” And the',
      'resolution of the plenum2: “The harvest is the first task.” Then the vote was taken.',
      '',
      'NOTES',
      '',
      '1 The congress met in the spring.',
      '2 The plenum met in the autumn.',
    ].join('\n');
    const prepared = prepareText({ bytes: new TextEncoder().encode(text), filename: 'notes.txt', language: 'en' });
    expect(prepared.rows.filter((row) => row.kind === 'FOOTNOTE').map((row) => row.label)).toEqual(['1', '2']);
    const refs = prepared.rows.flatMap((row) => (row.footnoteRefs ?? []).map((ref) => [ref.label, row.text?.slice(0, ref.offset).split(' ').at(-1)]));
    expect(refs).toEqual([
      ['1', 'party'],
      ['2', 'plenum'],
    ]);
    expect(prepared.rows.some((row) => row.text?.includes('party: “We shall win.”'))).toBe(true);
  });

  it('makes each note its own footnote when the notes are not separated by blank lines', () => {
    const text = [
      'The delegates argued about the harvest.1 Nobody agreed on the figures.2',
      '',
      'NOTES',
      '1 The harvest of that year was the worst in a decade.',
      '2 The reports came from the provincial committees.',
    ].join('\n');
    const prepared = prepareText({ bytes: new TextEncoder().encode(text), filename: 'notes.txt', language: 'en', cleanup: { rules: { 'line-joins': false } } });
    expect(prepared.rows.filter((row) => row.kind === 'FOOTNOTE').map((row) => [row.label, row.text])).toEqual([
      ['1', 'The harvest of that year was the worst in a decade.'],
      ['2', 'The reports came from the provincial committees.'],
    ]);
    expect(prepared.rows.flatMap((row) => (row.footnoteRefs ?? []).map((ref) => ref.label))).toEqual(['1', '2']);
  });

  it('makes every note of the notes section a footnote, one segment whatever its lines and sentences, marker or not', () => {
    const text = [
      'The delegates argued about the harvest for a long time.1 Nobody agreed on the figures, and the',
      'meeting was adjourned until the following week when the reports arrived. Then the vote was',
      'taken in the hall of the old school.3',
      '',
      'NOTES',
      '1 The harvest of that year was the worst in a decade.',
      '2 F. Engels, “Grundsätze.” See Werke, Abt. I, Bd. 6, S. 503-22. p. 312',
      '3 The vote was taken by a show of hands. It was the first vote of the',
      'committee held in public.',
      'The committee — a body of nine — was elected in the spring.',
    ].join('\n');
    const prepared = prepareText({ bytes: new TextEncoder().encode(text), filename: 'notes.txt', language: 'en' });
    expect(prepared.rows.filter((row) => row.kind === 'FOOTNOTE').map((row) => [row.label, row.text])).toEqual([
      ['1', 'The harvest of that year was the worst in a decade.'],
      ['2', 'F. Engels, “Grundsätze.” See Werke, Abt. I, Bd. 6, S. 503-22. p. 312'],
      ['3', 'The vote was taken by a show of hands. It was the first vote of the committee held in public. The committee — a body of nine — was elected in the spring.'],
    ]);
    expect(prepared.rows.some((row) => row.kind === 'SENTENCE' && /^(?:2|F\. Engels|The committee)/u.test(row.text ?? ''))).toBe(false);
  });

  it('keeps asterisk notes where the page put them, each linked by its own key though their labels repeat', () => {
    const text = [
      'He skipped over* the stage, as the author said of it, and went on to the next',
      'thing that had to be done, which he did without a word to anybody at all.',
      '* My italics.',
      '',
      'The next page says the same of the “whole of it”* and of the rest of the work',
      'that was still to be done in the years to come, by all of them together.',
      '* Our italics.',
    ].join('\n');
    const prepared = prepareText({ bytes: new TextEncoder().encode(text), filename: 'stars.txt', language: 'en' });
    const notes = prepared.rows.filter((row) => row.kind === 'FOOTNOTE');
    expect(notes.map((row) => [row.label, row.text])).toEqual([
      ['*', 'My italics.'],
      ['*', 'Our italics.'],
    ]);
    expect(new Set(notes.map((row) => row.noteKey)).size).toBe(2);
    const refs = prepared.rows.flatMap((row) => (row.footnoteRefs ?? []).map((ref) => [ref.label, ref.key, row.text?.slice(0, ref.offset).split(' ').at(-1)]));
    expect(refs).toEqual([
      ['*', notes[0]?.noteKey, 'over'],
      ['*', notes[1]?.noteKey, 'it”'],
    ]);
    // In place: each note right after the text of its page.
    const kinds = prepared.rows.filter((row) => row.text !== null).map((row) => (row.kind === 'FOOTNOTE' ? 'note' : 'text'));
    expect(kinds).toEqual(['text', 'note', 'text', 'note']);
  });
});
