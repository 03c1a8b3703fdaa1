import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { applyEdits, runCleanup } from '../../../lib/cleanup';
import { detectDehyphenation } from '../../../lib/cleanup/rules/dehyphenation';

const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');
const dehyphenate = (text: string) => applyEdits(text, detectDehyphenation({ text, format: 'txt' }).edits);

describe('a word broken at the foot of a page, its notes between the halves', () => {
  const page = [
    'and the collisions between the workers’ govern-',
    '* My italics.—J. St.',
    '** Our italics, and a note that runs on over',
    'two lines.—Ed.',
    'ment and the peasant majority can only be solved',
    'in the arena of the world revolution.',
  ].join('\n');

  it('moves the second half up to the first and leaves the notes where they stand', () => {
    expect(dehyphenate(page).split('\n')).toEqual([
      'and the collisions between the workers’ government',
      '* My italics.—J. St.',
      '** Our italics, and a note that runs on over',
      'two lines.—Ed.',
      'and the peasant majority can only be solved',
      'in the arena of the world revolution.',
    ]);
  });

  it('keeps the hyphen of a compound, takes the punctuation glued to the half, and a line that is only the half', () => {
    const text = ['The ultra-Lefts said so, and then the ultra-', '* My italics.', 'Lefts, says he,', 'went on. A well-known fact of the re-', '* Note.', 'volution.', 'It ended.'].join('\n');
    expect(dehyphenate(text).split('\n')).toEqual(['The ultra-Lefts said so, and then the ultra-', '* My italics.', 'Lefts, says he,', 'went on. A well-known fact of the revolution.', '* Note.', 'It ended.']);
  });

  it('leaves a hyphen before a note whose next page begins a sentence, or a note that never ends its sentence', () => {
    const capital = ['the workers’ govern-', '* My italics.', 'The peasants said so.'].join('\n');
    expect(dehyphenate(capital)).toBe(capital);
    const unended = ['the workers’ govern-', '* My italics, and', 'ment of the state'].join('\n');
    expect(dehyphenate(unended)).toBe(unended);
  });

  it('reads as one paragraph with its note after line joining', () => {
    const wrapped = Array.from({ length: 6 }, () => 'the lines of this page are wrapped at a column width of about sixty').join('\n');
    const result = runCleanup(`${wrapped}\n${page}\n${wrapped}`);
    expect(result.text).toContain('workers’ government\n* My italics.—J. St.\n** Our italics, and a note that runs on over two lines.—Ed.\nand the peasant majority');
    expect(result.notes.map((note) => result.text.slice(note.offset, note.end).trim())).toEqual(['My italics.—J. St.', 'Our italics, and a note that runs on over two lines.—Ed.']);
  });
});

describe('a compound whose first hyphen the OCR lost', () => {
  const vocabulary = [
    'It is a well-known fact and a well-founded view that the peasants do their work, and what they do is good.',
    'They went to the town to sell and to buy, to talk and to listen; it is the way to do it.',
  ].join('\n');

  it('puts the hyphen back where a prefix the text hyphenates meets a common short word', () => {
    expect(dehyphenate(`${vocabulary}\nThe burden falls on the wellto-\ndo strata.`)).toContain('on the well-to-do strata.');
  });

  it('changes nothing without that evidence: a prefix never hyphenated, a word the text writes, an uncommon middle word', () => {
    expect(dehyphenate(`${vocabulary.replaceAll('well-', 'well ')}\nThe burden falls on the wellto-\ndo strata.`)).toContain('on the welltodo strata.');
    expect(dehyphenate(`${vocabulary} The welltodo are few.\nThe burden falls on the wellto-\ndo strata.`)).toContain('on the welltodo strata.');
    expect(dehyphenate(`${vocabulary} A wellsell once.\nThe burden falls on the wellsell-\ndo strata.`)).toContain('on the wellselldo strata.');
  });
});

describe('de-hyphenation on the OCR volume', () => {
  const name = 'stalin-works-vol8-ocr.en.txt';
  const result = runCleanup(readFileSync(path.join(CORPUS_DIR, name), 'utf8'));

  it('rejoins the three words broken across a page’s notes and the compound that lost a hyphen', () => {
    // Before: `govern-` / note / `ment`, `safe-` / `guarding`, `condi-` / `tions` stayed broken, and `welltodo`.
    expect(result.text).not.toMatch(/\p{L}-[ \t]*\n\*/u);
    expect(result.text).toContain('between the workers’ government\n* My italics.—J. St.\nand the peasant majority');
    expect(result.text).toContain('private property and safeguarding\n');
    expect(result.text).toContain('in the new conditions\n');
    expect(result.text).toContain('the shoulders of the well-to-do strata');
    expect(result.text).not.toMatch(/welltodo/u);
    const proposal = result.proposals.find((p) => p.ruleId === 'dehyphenation');
    expect(proposal?.summary).toBe('49 line-break hyphens (5 joined, 44 kept, 3 across page-foot notes, 1 lost hyphen restored)');
    expect(result.notes.filter((note) => result.text.slice(note.offset, note.end).startsWith('My italics')).length).toBeGreaterThanOrEqual(3);
  });
});
