import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { runCleanup, type CleanupResult } from '../../../lib/cleanup';
import { normaliseHeader } from '../../../lib/cleanup/rules/page-furniture';
import { detectWorks } from '../../../lib/cleanup/split';

/** The shared corpus lives next to the project root, outside the repository. */
const CORPUS_DIR = path.resolve(__dirname, '../../../../shared/corpus');
const read = (name: string) => readFileSync(path.join(CORPUS_DIR, name), 'utf8');
const letters = (text: string) => text.match(/\p{L}/gu)?.length ?? 0;

const results = new Map<string, CleanupResult>();
function cleaned(name: string): CleanupResult {
  let result = results.get(name);
  if (!result) results.set(name, (result = runCleanup(read(name))));
  return result;
}

describe('cleanup on the OCR volume', () => {
  const name = 'stalin-works-vol8-ocr.en.txt';

  it('leaves no wrong-charset punctuation', () => {
    expect(cleaned(name).text).not.toMatch(/[³²Œ¹‹]/u);
  });

  it('leaves no running header and no bare page number, but keeps the headings the headers repeat', () => {
    const result = cleaned(name);
    const headers = result.proposals.find((p) => p.ruleId === 'running-headers');
    const flagged = new Set((headers?.data?.removedLines ?? []).map(normaliseHeader).filter((form) => form.length > 0));
    expect(flagged.size).toBeGreaterThan(0);
    const lines = result.text.split('\n');
    // What is left of a header's form is a heading without a page number, of an item of the contents.
    const left = lines.filter((line) => flagged.has(normaliseHeader(line)));
    expect(left.filter((line) => /\d/u.test(line))).toEqual([]);
    const titles = (detectWorks({ text: result.text, pages: result.pages })?.contents ?? []).map((entry) => entry.title.toLowerCase());
    expect(left.filter((line) => !titles.some((title) => title.startsWith(normaliseHeader(line))))).toEqual([]);
    expect(left.map((line) => line.trim())).toEqual(expect.arrayContaining(['THE ANGLO-RUSSIAN COMMITTEE', 'REPLY TO THE DISCUSSION', 'NOTES']));
    // Page numbers of this volume have at most three digits; a four-digit line is a year heading.
    expect(lines.filter((line) => /^\s*\d{1,3}\s*$/u.test(line))).toEqual([]);
  });

  it('takes a page number glued to a title or a date as the page expected there', () => {
    const { text, pages } = cleaned(name);
    const lines = text.split('\n').map((line) => line.trim());
    // Before: six capital titles printed once as running heads (`… CLASS 99`) and a date of the chronicle (`… 13 418`).
    expect(lines.filter((line) => /^\P{Ll}*\p{Lu}\P{Ll}*? \d{1,3}$/u.test(line) && !/\. \./u.test(line))).toEqual([]);
    expect(lines.filter((line) => /^\p{Lu}\p{Ll}+ \d{1,2} \d{3}$/u.test(line))).toEqual([]);
    expect(pages.map((page) => page.label)).toEqual(expect.arrayContaining(['99', '103', '183', '219', '221', '223', '418']));
  });

  it('leaves no running head as a heading, however few pages print it: only the headings printed without a number stay', () => {
    const uploadLines = read(name).split('\n').map((line) => line.trim());
    // The capital titles printed with a page number at a page top (after a blank line), the contents aside.
    const heads = new Set(
      uploadLines.flatMap((line, k) => {
        const head = /^(\P{Ll}*\p{Lu}\P{Ll}*?) \d{1,3}$/u.exec(line)?.[1];
        return head !== undefined && uploadLines[k - 1] === '' && !/\. \./u.test(line) ? [head] : [];
      }),
    );
    expect(heads.size).toBeGreaterThanOrEqual(20);
    // Compared without spaces: the upload letter-spaces some headings (`N O T E S`).
    const count = (lines: readonly string[], head: string) => lines.filter((line) => line.replace(/\s+/gu, '') === head.replace(/\s+/gu, '')).length;
    const lines = cleaned(name).text.split('\n').map((line) => line.trim());
    // Before: `REPLY TO GREETINGS 183`, a shortened title printed on one page, lost its number but stayed a heading.
    expect([...heads].filter((head) => count(lines, head) > count(uploadLines, head))).toEqual([]);
    expect(lines).not.toContain('REPLY TO GREETINGS');
  });

  it('splits no word with a line-break hyphen', () => {
    expect(cleaned(name).text).not.toMatch(/-[ \t]*\n[ \t]*\p{Ll}/u);
  });

  it('keeps page anchors in increasing order, a few hundred of them', () => {
    const { pages, text } = cleaned(name);
    expect(pages.length).toBeGreaterThan(300);
    expect(pages.length).toBeLessThan(500);
    for (let k = 1; k < pages.length; k++) expect(pages[k]?.offset ?? 0).toBeGreaterThanOrEqual(pages[k - 1]?.offset ?? 0);
    expect(pages.every((page) => page.offset <= text.length)).toBe(true);
    const arabic = pages.filter((page) => /^\d+$/u.test(page.label)).map((page) => Number(page.label));
    const increasing = arabic.filter((value, k) => k === 0 || value > (arabic[k - 1] ?? 0)).length;
    expect(increasing / arabic.length).toBeGreaterThan(0.95);
  });

  it('detaches footnote markers and links them to their notes', () => {
    const { footnotes, text } = cleaned(name);
    // 103 notes; a few references were lost by the OCR (a marker on its own line, one read as another number).
    expect(footnotes.length).toBeGreaterThanOrEqual(90);
    // References after closing quotes and brackets: `particular.”10`, `(Lenin).22`, `C.P.S.U.(B.)44`.
    for (const label of ['10', '22', '44']) expect(footnotes.map((f) => f.label)).toContain(label);
    const first = footnotes[0];
    expect(text.slice(first?.noteOffset ?? 0)).toMatch(/^The reference is/u);
    const notesStart = text.lastIndexOf('\n', first?.noteOffset ?? 0);
    expect(text.slice(0, notesStart)).not.toMatch(/\p{Ll}[,.;:]?\d{1,2}\b/u);
  });

  it('rejoins the letter-spaced headers', () => {
    const { text } = cleaned(name);
    expect(text).toContain('WORKERS OF ALL COUNTRIES');
    expect(text).not.toMatch(/\bS T A L I N\b/u);
  });
});

describe('cleanup on the scraped web page', () => {
  const name = 'razlatzky-notes-in-the-margins.en.txt';

  it('drops menus, subscribe links and counters and keeps the article', () => {
    const { text, footnotes } = cleaned(name);
    for (const gone of ['RussianEnglishFrench', 'Subscribe to', 'Free e-mail address', 'TopList', 'Make Cash on the Net']) expect(text).not.toContain(gone);
    // The byline and the title, each set apart by blank lines above the article, are its front matter.
    expect(text.trimStart()).toMatch(/^A\. B\. Razlatzky\n\s*\nNotes in the Margins of History\n/u);
    expect(text).toContain('\nI must say at once that I am a Marxist.');
    expect(text).toContain('And this is what concerns us; it would be');
    expect(text).toContain('Sysyphus was a mythological king');
    expect(footnotes.map((f) => f.label)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });
});

describe('cleanup on every corpus file', () => {
  const files = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.txt')).sort();

  it.each(files)('%s loses no letters outside removed headers and boilerplate', (name) => {
    const original = read(name);
    const result = cleaned(name);
    const removed = result.proposals.flatMap((p) => (p.ruleId === 'running-headers' || p.ruleId === 'web-boilerplate' ? (p.data?.removedLines ?? []) : []));
    const expected = letters(original) - letters(removed.join('\n'));
    // Charset repair turns a letter-like mojibake (Œ) into punctuation: allow 0.5%.
    expect(letters(result.text)).toBeGreaterThanOrEqual(expected * 0.995);
    expect(letters(result.text)).toBeLessThanOrEqual(expected);
  });
});
