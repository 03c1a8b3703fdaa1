import { describe, expect, it } from 'vitest';

import { prepareText } from '../../../lib/import/prepare-text';

const encode = (text: string) => new TextEncoder().encode(text);

/** A made-up hard-wrapped "scan": two pages with a running header and page numbers. */
function scannedPages(): string {
  const body = [
    'The committee met on the morning of the third day and read the letters that had',
    'arrived from the provinces during the winter months of the previous year.',
    'Nobody expected the debate to last until the evening, yet it went on for hours',
    'because every delegate wanted to speak about the harvest and the roads.',
  ];
  const page = (n: number, lines: string[]) => [`A HISTORY OF THE COMMITTEE ${n}`, '', ...lines, ''].join('\n');
  const pages: string[] = [];
  for (let n = 1; n <= 6; n += 1) pages.push(page(n, body));
  return pages.join('\n');
}

describe('prepareText', () => {
  it('cleans plain text by default: headers become page anchors, wrapped lines become paragraphs', () => {
    const prepared = prepareText({ bytes: encode(scannedPages()), filename: 'scan.txt', language: 'en' });
    expect(prepared.encoding).toBe('utf-8');
    const texts = prepared.rows.flatMap((row) => (row.text ? [row.text] : []));
    expect(texts.some((text) => text.includes('A HISTORY OF THE COMMITTEE'))).toBe(false);
    expect(texts).toContain('The committee met on the morning of the third day and read the letters that had arrived from the provinces during the winter months of the previous year.');
    const pages = prepared.rows.flatMap((row) => row.pages.map((page) => page.label));
    expect(pages).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(prepared.cleanup.find((line) => line.ruleId === 'running-headers')?.count).toBe(6);
  });

  it('leaves Markdown and switched-off cleanup alone', () => {
    const markdown = prepareText({ bytes: encode('# Title\n\nOne line\nwrapped here.\n'), filename: 'a.md', language: 'en' });
    expect(markdown.cleanup).toEqual([]);
    const off = prepareText({ bytes: encode(scannedPages()), filename: 'scan.txt', language: 'en', cleanup: { isEnabled: false } });
    expect(off.cleanup).toEqual([]);
    expect(off.rows.some((row) => row.text?.includes('A HISTORY OF THE COMMITTEE'))).toBe(true);
  });

  it('switches single rules off', () => {
    const prepared = prepareText({ bytes: encode(scannedPages()), filename: 'scan.txt', language: 'en', cleanup: { rules: { 'running-headers': false } } });
    expect(prepared.cleanup.map((line) => line.ruleId)).not.toContain('running-headers');
  });
});
