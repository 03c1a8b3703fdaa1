import { diffWords as jsdiffWords } from 'diff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { MAX_DIFF_EDITS, MAX_SEGMENT_CHARS } from '../../../lib/config/limits';
import { toHunks } from '../../../lib/diff/hunks';
import { diffWords, tokenize, type DiffOp } from '../../../lib/diff/word-diff';
import { anyText, propertyOptions, sentence } from '../../helpers/arbitraries';

const changes = (ops: readonly DiffOp[]) => ops.filter((op) => op.kind !== 'equal');
const oldSide = (ops: readonly DiffOp[]) => ops.filter((op) => op.kind !== 'insert').map((op) => op.text).join('');
const newSide = (ops: readonly DiffOp[]) => ops.filter((op) => op.kind !== 'delete').map((op) => op.text).join('');

/** `count` numbered words in pairs, the first of each pair `changed`, the second kept: "w0 keep0 w1 keep1 …". */
function pairs(count: number, changed: string): string {
  return Array.from({ length: count }, (_, i) => `${changed}${i} keep${i}`).join(' ');
}

describe('word diff', () => {
  it('keeps Russian words whole, with their accents, and punctuation apart', () => {
    expect(tokenize('Ёлка — ёж, «йод» и за́мок.')).toEqual(['Ёлка', ' ', '—', ' ', 'ёж', ',', ' ', '«', 'йод', '»', ' ', 'и', ' ', 'за́мок', '.']);
    // jsdiff's own word tokenizer counts Latin letters only: a changed Russian letter would show
    // as one letter replaced inside a kept word.
    expect(jsdiffWords('дом', 'дым').filter((change) => change.added || change.removed).map((change) => change.value)).toEqual(['о', 'ы']);
    expect(diffWords('Он вошёл в дом.', 'Он вошёл в дым.')).toEqual([
      { kind: 'equal', text: 'Он вошёл в ' },
      { kind: 'delete', text: 'дом' },
      { kind: 'insert', text: 'дым' },
      { kind: 'equal', text: '.' },
    ]);
  });

  it('shows a Russian correction as whole words, one hunk per change', () => {
    const ops = diffWords('Комитет собрался во вторник и проголосовал против плана.', 'Центральный комитет собрался в понедельник и проголосовал за план.');
    expect(changes(ops)).toEqual([
      { kind: 'delete', text: 'Комитет' },
      { kind: 'insert', text: 'Центральный комитет' },
      { kind: 'delete', text: 'во вторник' },
      { kind: 'insert', text: 'в понедельник' },
      { kind: 'delete', text: 'против плана' },
      { kind: 'insert', text: 'за план' },
    ]);
    expect(toHunks(ops).filter((part) => part.kind === 'change')).toHaveLength(3);
  });

  it('leaves white space both sides share outside a change', () => {
    expect(diffWords('Workers , U N I T E !', 'Workers, UNITE !')).toEqual([
      { kind: 'equal', text: 'Workers' },
      { kind: 'delete', text: ' ' },
      { kind: 'equal', text: ', ' },
      { kind: 'delete', text: 'U N I T E' },
      { kind: 'insert', text: 'UNITE' },
      { kind: 'equal', text: ' !' },
    ]);
    // A joined line: only the line break is removed.
    expect(diffWords('the end of a \nline', 'the end of a line')).toEqual([
      { kind: 'equal', text: 'the end of a ' },
      { kind: 'delete', text: '\n' },
      { kind: 'equal', text: 'line' },
    ]);
  });

  it('rebuilds both texts from every diff, in non-empty runs that alternate', () => {
    const text = fc.oneof(anyText(120), sentence('en'), sentence('ru'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const ops = diffWords(before, after);
        expect(oldSide(ops)).toBe(before);
        expect(newSide(ops)).toBe(after);
        ops.forEach((op, index) => {
          expect(op.text).not.toBe('');
          expect(ops[index + 1]?.kind === 'equal' && op.kind === 'equal').toBe(false);
          // Deletions come before insertions within a change.
          expect(op.kind === 'insert' && ops[index + 1]?.kind === 'delete').toBe(false);
        });
      }),
      propertyOptions(300),
    );
  });

  it('finds a few changes far apart in a segment of the longest length', () => {
    const paragraph = 'The delegates of the congress discussed the report on the political situation for a long time. ';
    const words = paragraph.repeat(Math.floor(MAX_SEGMENT_CHARS / paragraph.length)).trim();
    expect(words.length).toBeGreaterThan(MAX_SEGMENT_CHARS - paragraph.length);
    // Three words changed: at the start, in the middle and at the end.
    const at = words.indexOf('discussed', MAX_SEGMENT_CHARS / 2);
    const after = `The Delegates${words.slice('The delegates'.length, at)}debated${words.slice(at + 'discussed'.length, -'time.'.length)}while.`;
    expect(changes(diffWords(words, after))).toEqual([
      { kind: 'delete', text: 'delegates' },
      { kind: 'insert', text: 'Delegates' },
      { kind: 'delete', text: 'discussed' },
      { kind: 'insert', text: 'debated' },
      { kind: 'delete', text: 'time' },
      { kind: 'insert', text: 'while' },
    ]);
  });

  it(`diffs texts up to ${MAX_DIFF_EDITS} changed tokens apart and shows farther ones as one replacement`, () => {
    // Each pair changes one word and keeps one: 2 changed tokens per pair (a removal and an addition).
    const atBound = MAX_DIFF_EDITS / 2;
    const near = diffWords(`Title. ${pairs(atBound, 'old')}`, `Title. ${pairs(atBound, 'new')}`);
    expect(toHunks(near).filter((part) => part.kind === 'change')).toHaveLength(atBound);
    expect(near).toContainEqual({ kind: 'equal', text: ' keep7 ' });

    const before = `Title. ${pairs(atBound + 1, 'old')}`;
    const after = `Title. ${pairs(atBound + 1, 'new')}`;
    const far = diffWords(before, after);
    expect(far).toEqual([
      { kind: 'equal', text: 'Title. ' },
      { kind: 'delete', text: before.slice('Title. '.length, before.lastIndexOf(' ')) },
      { kind: 'insert', text: after.slice('Title. '.length, after.lastIndexOf(' ')) },
      { kind: 'equal', text: ` keep${atBound}` },
    ]);
  });

  it('gives up on two unrelated long texts quickly, with both texts intact', () => {
    const before = pairs(20_000, 'left');
    const after = pairs(20_000, 'right').replaceAll('keep', 'other');
    const started = performance.now();
    const ops = diffWords(before, after);
    expect(ops).toEqual([
      { kind: 'delete', text: before },
      { kind: 'insert', text: after },
    ]);
    // The search stops at the bound whatever the length (about 0.1 s here; the whole table for
    // these 80,000 by 80,000 tokens would hold 6.4 billion cells).
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
