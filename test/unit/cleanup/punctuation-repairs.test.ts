import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { applyEdits, runCleanup } from '../../../lib/cleanup';
import { detectEllipses } from '../../../lib/cleanup/rules/ellipses';
import { detectQuotationMarks } from '../../../lib/cleanup/rules/quotation-marks';

const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');
const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');

const quotes = (text: string, isLinePerParagraph = false) => applyEdits(text, detectQuotationMarks({ text, format: 'txt', isLinePerParagraph }).edits);
const ellipses = (text: string) => applyEdits(text, detectEllipses({ text, format: 'txt' }).edits);

describe('quotation marks the wrong way round', () => {
  it('turns a closing mark that opens a quotation, with the space after it', () => {
    // (The text writes “ as an opening mark elsewhere: a text that never does is left alone, below.)
    expect(quotes('” But the Bund’s third argument is false.” Then “more”.')).toBe('“But the Bund’s third argument is false.” Then “more”.');
    expect(quotes('He wrote in 1904:\u00a0”\u00a0The proletariat of Russia has begun to “struggle”.')).toBe('He wrote in 1904:\u00a0“The proletariat of Russia has begun to “struggle”.');
    expect(quotes('In words—”revolutionaries,” but in deeds “reformists.”')).toBe('In words—“revolutionaries,” but in deeds “reformists.”');
  });

  it('turns an opening mark that closes a quotation or ends its paragraph', () => {
    expect(quotes('“We would like the voices to resound, the betrayer of national liberty “.')).toBe('“We would like the voices to resound, the betrayer of national liberty”.');
    // A stray closing mark of a quotation opened in the paragraph before.
    expect(quotes('” The idea is false.\n\nThat is the spirit of the “ghetto”. “')).toBe('“The idea is false.\n\nThat is the spirit of the “ghetto”.”');
  });

  it('leaves correct quotations alone: nested, spaced, over several paragraphs, closed in the next paragraph', () => {
    const correct = [
      '“He called it “nonsense” yesterday,” she said.',
      '“It is true,” he said, “that we write ‘value’ ” (Engels, p. 375).',
      '“The first paragraph of a long quotation opens and stays open.',
      '“The second opens again and closes.”',
      'A paragraph that closes a quotation begun before.” And goes on.',
      'Not a “quote” at all, just “marks”.',
    ].join('\n\n');
    expect(detectQuotationMarks({ text: correct, format: 'txt' }).edits).toEqual([]);
    expect(detectQuotationMarks({ text: correct.replaceAll('\n\n', '\n'), format: 'txt', isLinePerParagraph: true }).edits).toEqual([]);
  });

  it('leaves texts written with other conventions alone', () => {
    // Swedish and Finnish write ”…” both ways; German and Russian close „ with “.
    expect(detectQuotationMarks({ text: '”Hej”, sade han. ”Kom hit.”', format: 'txt' }).edits).toEqual([]);
    expect(detectQuotationMarks({ text: 'Er sagte: „Komm her.“\n\nUnd dann: „Geh.“', format: 'txt' }).edits).toEqual([]);
    expect(detectQuotationMarks({ text: 'Он сказал: «Это „новое“ слово».', format: 'txt' }).edits).toEqual([]);
  });

  it('reads a hard-wrapped paragraph as one', () => {
    expect(quotes('He said:\n” The words run\nover two lines.”\n\nNext “one”.')).toBe('He said:\n“The words run\nover two lines.”\n\nNext “one”.');
  });
});

describe('full stops of another script used as an ellipsis', () => {
  it('become an ellipsis between Latin or Cyrillic words', () => {
    expect(ellipses('“۔۔۔When Lenin died, the masses came closer.')).toBe('“…When Lenin died, the masses came closer.');
    expect(ellipses('and so on。。。 the end; и так далее．．． конец')).toBe('and so on… the end; и так далее… конец');
  });

  it('stay in the script they belong to, and alone', () => {
    expect(detectEllipses({ text: 'یہ بات ختم ہوئی۔۔۔ پھر', format: 'txt' }).edits).toEqual([]);
    expect(detectEllipses({ text: '我们走了。。。他们来了', format: 'txt' }).edits).toEqual([]);
    expect(detectEllipses({ text: 'One stop۔ is not an ellipsis.', format: 'txt' }).edits).toEqual([]);
    expect(detectEllipses({ text: '۔۔۔', format: 'txt' }).edits).toEqual([]);
  });
});

describe('the repairs on the corpus', () => {
  const proposal = (name: string, ruleId: string) => runCleanup(read(name), { format: 'txt' }).proposals.find((p) => p.ruleId === ruleId);

  it('the anthology: 30 quotation marks turned (27 opening, 3 closing) and one ellipsis', () => {
    expect(proposal('lenin-stalin-quotes-collection.en.txt', 'quotation-marks')?.summary).toBe('30 quotation marks turned the right way round (27 opening, 3 closing)');
    expect(proposal('lenin-stalin-quotes-collection.en.txt', 'ellipses')?.count).toBe(1);
    const cleaned = runCleanup(read('lenin-stalin-quotes-collection.en.txt'), { format: 'txt' }).text;
    expect(cleaned).toContain('“But the Bund’s third argument');
    expect(cleaned).toContain('“…When Lenin died');
    expect(cleaned).not.toMatch(/(?:^|\n)” /u);
    expect(cleaned).not.toContain('۔');
  });

  it('the OCR volume: the three marks its OCR turned', () => {
    expect(proposal('stalin-works-vol8-ocr.en.txt', 'quotation-marks')?.examples.map((example) => example.after.trim())).toEqual(
      expect.arrayContaining([expect.stringContaining('In words—“revolutionaries,”'), expect.stringContaining('“bad harvest.”')]),
    );
    expect(proposal('stalin-works-vol8-ocr.en.txt', 'quotation-marks')?.count).toBe(3);
  }, 20_000);

  it('nothing in the interview and the notes in the margins', () => {
    for (const name of ['wells-stalin-interview-1934.en.txt', 'razlatzky-notes-in-the-margins.en.txt']) {
      expect(proposal(name, 'quotation-marks')?.count).toBe(0);
      expect(proposal(name, 'ellipses')?.count).toBe(0);
    }
  });
});
