import { describe, expect, it } from 'vitest';

import { MAX_HTML_CHARS, MAX_HTML_DEPTH } from '../../../lib/config/limits';
import { AppError } from '../../../lib/errors/app-error';
import { htmlToText } from '../../../lib/import/parse/html-to-text';

/** The AppError htmlToText throws (or a failure saying it did not). */
function refusal(html: string): { code: string; message: string } {
  try {
    htmlToText(html);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message };
    return { code: `not an AppError: ${String(error)}`, message: '' };
  }
  return { code: 'accepted', message: '' };
}

// Each page below made the old regular-expression reader take time quadratic in its length
// (minutes at these sizes; 240 KB of `<!--` froze a server for 17 s): read in one pass, they
// finish well inside the test's time limit.
describe('reading a web page takes time linear in its length', () => {
  it('reads a page that ends in a megabyte of unclosed comments', () => {
    expect(htmlToText(`<body><p>Before the comments.</p>${'<!--'.repeat(250_000)}</body>`)).toBe('Before the comments.');
  });

  it('reads a page of unclosed script and style tags', () => {
    expect(htmlToText(`<p>Before the scripts.</p>${'<script>'.repeat(200_000)}`)).toBe('Before the scripts.');
    expect(htmlToText(`<p>Before the styles.</p>${'<style>'.repeat(200_000)}`)).toBe('Before the styles.');
  });

  it('reads a page of unclosed headings', () => {
    expect(htmlToText(`<p>Before the headings.</p>${'<h1>'.repeat(100_000)}After.`)).toBe('Before the headings.\n\n# After.');
  });

  it('refuses a page nested deeper than the limit, and reads one nested up to it', () => {
    const nested = (depth: number, tag: string) => `<html><body>${`<${tag}>`.repeat(depth)}deep text${`</${tag}>`.repeat(depth)}</body></html>`;
    const tooDeep = { code: 'PAYLOAD_TOO_LARGE', message: `The web page cannot be read: its elements are nested more than ${MAX_HTML_DEPTH} deep.` };
    expect(refusal(nested(200_000, 'div'))).toEqual(tooDeep);
    expect(refusal(nested(100_000, 'article'))).toEqual(tooDeep);
    expect(refusal('<span>'.repeat(100_000) + '</b>'.repeat(100_000))).toEqual(tooDeep);
    // <html> and <body> are open elements too.
    expect(htmlToText(nested(MAX_HTML_DEPTH - 2, 'div'))).toBe('deep text');
  });

  it('indents nested list items at most eight levels, however deep the lists', () => {
    // Each level is two open elements, <ul> and <li>.
    const depth = 200;
    const text = htmlToText(`<body>${'<ul><li>item'.repeat(depth)}${'</li></ul>'.repeat(depth)}</body>`);
    const lines = text.split('\n\n');
    expect(lines).toHaveLength(depth);
    expect(lines[0]).toBe('- item');
    expect(lines[1]).toBe('  - item');
    expect(new Set(lines.slice(8))).toEqual(new Set([`${'  '.repeat(8)}- item`]));
  });

  it('refuses HTML longer than the limit', () => {
    expect(refusal(`<p>${'a'.repeat(MAX_HTML_CHARS)}</p>`)).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The web page is too long to read: it has more than 16 MB of HTML.' });
  });
});
