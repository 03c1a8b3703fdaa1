import { describe, expect, it } from 'vitest';

import { prepareText } from '../../../lib/import/prepare-text';
import type { SegmentRow } from '../../../lib/segment/build-segment-rows';

const encode = (text: string) => new TextEncoder().encode(text);

/** Each paragraph as its layout and the text of its sentences; headings and notes as they read. */
function paragraphsOf(rows: readonly SegmentRow[]): string[] {
  const out: string[] = [];
  rows.forEach((row, index) => {
    if (row.kind === 'HEADING') out.push(`# ${row.text ?? ''}`);
    if (row.kind === 'FOOTNOTE') out.push(`[${row.label ?? ''}] ${row.text ?? ''}`);
    if (row.kind !== 'PARAGRAPH') return;
    const text = rows.filter((sentence) => sentence.parentIndex === index).map((sentence) => sentence.text).join(' ');
    const style = `${row.style ?? 'PROSE'}${row.level > 0 ? `+${row.level}` : ''}`;
    out.push(`${style}${row.speaker ? ` ${row.speaker}` : ''}${row.label ? ` ${row.label}` : ''}: ${text}`);
  });
  return out;
}

const DIALOGUE = [
  'A Talk About the Bridge',
  '',
  'Ada. I came to ask about the bridge. Mr. Brook, you were there?',
  '',
  'Brook. I was. It was closed in May.',
  '',
  'Nobody asked us. Nobody at all.',
  '',
  'Ada. What do you ask for?',
  '',
  'Brook. Two things:',
  '',
  '1) a bridge for the school;',
  '2) a ferry until it is built.',
  '',
  'Ada. Thank you.',
].join('\n');

describe('structure on import', () => {
  it('stores speaker turns with their speaker and without the name in the text', () => {
    const prepared = prepareText({ bytes: encode(DIALOGUE), filename: 'talk.txt', language: 'en' });
    expect(paragraphsOf(prepared.rows)).toEqual([
      '# A Talk About the Bridge',
      'SPEAKER_TURN Ada: I came to ask about the bridge. Mr. Brook, you were there?',
      'SPEAKER_TURN Brook: I was. It was closed in May.',
      'SPEAKER_TURN Brook: Nobody asked us. Nobody at all.',
      'SPEAKER_TURN Ada: What do you ask for?',
      'SPEAKER_TURN Brook: Two things:',
      'LIST_ITEM 1): a bridge for the school;',
      'LIST_ITEM 2): a ferry until it is built.',
      'SPEAKER_TURN Ada: Thank you.',
    ]);
    expect(prepared.rows.filter((row) => row.kind === 'SENTENCE').every((row) => !/^(?:Ada|Brook)\./u.test(row.text ?? ''))).toBe(true);
    // The list is part of Brook's turn: the turn counts it, the list keeps its layout.
    expect(prepared.cleanup.find((line) => line.ruleId === 'speaker-turns')?.summary).toBe('5 turns of 2 speakers (Ada, Brook), with 2 more paragraphs of their turns');
  });

  it('keeps the names in the text when the rule is off, or cleanup is', () => {
    for (const cleanup of [{ rules: { 'speaker-turns': false } }, { isEnabled: false }]) {
      const rows = prepareText({ bytes: encode(DIALOGUE), filename: 'talk.txt', language: 'en', cleanup }).rows;
      expect(rows.some((row) => row.style === 'SPEAKER_TURN')).toBe(false);
      expect(rows.filter((row) => row.kind === 'SENTENCE').map((row) => row.text)).toEqual(expect.arrayContaining(['Ada.', 'Thank you.']));
    }
  });

  it('keeps a page that begins at a turn on the turn’s first word', () => {
    const text = ['Ada. One thing.', 'Brook. Two things.', '[Page 12] Ada. Three things.', 'Brook. Four things.', 'Ada. [Page 13] Five things.', 'Brook. Six things.'].join('\n\n');
    const rows = prepareText({ bytes: encode(text), filename: 'pages.txt', language: 'en' }).rows;
    const paged = rows.filter((row) => row.pages.length > 0).map((row) => [row.text, row.pages]);
    expect(paged).toEqual([
      ['Three things.', [{ label: '12', offset: 0 }]],
      ['Five things.', [{ label: '13', offset: 0 }]],
    ]);
  });

  it('reads lists and quotations of a web page from its markup', () => {
    const page = `<html><body><article><h1>Notes</h1>
      <p>The notice on the gate of the old bridge said only one thing, and it said it in capitals, so that nobody who came to the river that morning could miss it or pretend not to have read it.</p>
      <blockquote><p>Closed until further notice.</p><p>By order of the council.</p></blockquote>
      <ol start="3"><li>Three</li><li><p>Four</p><ul><li>four and a half</li></ul></li><li>Five</li></ol>
      </article></body></html>`;
    const rows = prepareText({ bytes: encode(page), filename: 'notes.html', language: 'en' }).rows;
    expect(paragraphsOf(rows).slice(2)).toEqual(['QUOTE: Closed until further notice.', 'QUOTE: By order of the council.', 'LIST_ITEM 3.: Three', 'LIST_ITEM 4.: Four', 'LIST_ITEM+1 •: four and a half', 'LIST_ITEM 5.: Five']);
  });

  it('reads Markdown’s quotations and lists as written, and its dialogue only with cleanup on', () => {
    const markdown = ['# Minutes', '', '> The bridge stays closed.', '', '- first point', '- second point', '', 'Ada: Why?', '', 'Brook: Nobody knows.', '', 'Ada: Ask them.', '', 'Brook: I will.'].join('\n');
    expect(paragraphsOf(prepareText({ bytes: encode(markdown), filename: 'minutes.md', language: 'en' }).rows)).toEqual([
      '# Minutes',
      'QUOTE: The bridge stays closed.',
      'LIST_ITEM •: first point',
      'LIST_ITEM •: second point',
      'PROSE: Ada: Why?',
      'PROSE: Brook: Nobody knows.',
      'PROSE: Ada: Ask them.',
      'PROSE: Brook: I will.',
    ]);
    const cleaned = paragraphsOf(prepareText({ bytes: encode(markdown), filename: 'minutes.md', language: 'en', cleanup: { isEnabled: true } }).rows);
    expect(cleaned.slice(4)).toEqual(['SPEAKER_TURN Ada: Why?', 'SPEAKER_TURN Brook: Nobody knows.', 'SPEAKER_TURN Ada: Ask them.', 'SPEAKER_TURN Brook: I will.']);
  });

  it('keeps how deep a nested list item is, from Markdown and from plain text with the list rule on', () => {
    const markdown = ['Tasks:', '', '1. industry', '   - heavy industry', '     - steel', '2. agriculture'].join('\n');
    expect(paragraphsOf(prepareText({ bytes: encode(markdown), filename: 'tasks.md', language: 'en' }).rows)).toEqual([
      'PROSE: Tasks:',
      'LIST_ITEM 1.: industry',
      'LIST_ITEM+1 •: heavy industry',
      'LIST_ITEM+2 •: steel',
      'LIST_ITEM 2.: agriculture',
    ]);
    const plain = ['The tasks are these:', '', '1. to raise industry;', '    a) heavy industry first,', '    b) then the rest;', '2. to raise agriculture.'].join('\n');
    expect(paragraphsOf(prepareText({ bytes: encode(plain), filename: 'tasks.txt', language: 'en', cleanup: { isEnabled: true } }).rows)).toEqual([
      'PROSE: The tasks are these:',
      'LIST_ITEM 1.: to raise industry;',
      'LIST_ITEM+1 a): heavy industry first,',
      'LIST_ITEM+1 b): then the rest;',
      'LIST_ITEM 2.: to raise agriculture.',
    ]);
  });

  it('ignores characters of the private layout markers in an upload', () => {
    const rows = prepareText({ bytes: encode('\uFDD1QUOTE\uFDD2\uFDD2\uFDD3Not a quotation.'), filename: 'odd.txt', language: 'en' }).rows;
    expect(paragraphsOf(rows)).toEqual(['PROSE: QUOTENot a quotation.']);
  });
});
