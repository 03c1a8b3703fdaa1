import { describe, expect, it } from 'vitest';

import { htmlToText } from '../../../lib/import/parse/html-to-text';
import { prepareText } from '../../../lib/import/prepare-text';

// A made-up page: navigation, an article with a heading, paragraphs, a list and entities, a footer.
const PAGE = `<!doctype html><html><head><title>Notes</title><style>p{color:red}</style><script>var x = "<p>not text</p>";</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul></nav>
<header><div class="lang">EN | RU | DE</div></header>
<article>
  <h1>Notes in the Margins</h1>
  <p>The first paragraph of the article explains what the notes are about, and why they were
  written in the margins of a borrowed book rather than in a notebook of one&rsquo;s own.</p>
  <p>A second paragraph follows&nbsp;&mdash; with <em>emphasis</em>, a <a href="#n1">[1]</a> reference and &laquo;quotes&raquo;.</p>
  <ul><li>First point</li><li>Second point</li></ul>
  <h2>Conclusion</h2>
  <p>The last paragraph closes the article.</p>
</article>
<footer><p>Subscribe to our newsletter &copy; 2024</p></footer>
</body></html>`;

describe('htmlToText', () => {
  it('keeps the article with its headings, paragraphs and lists, and drops navigation, scripts and footers', () => {
    const text = htmlToText(PAGE);
    expect(text.split('\n\n')).toEqual([
      '# Notes in the Margins',
      'The first paragraph of the article explains what the notes are about, and why they were written in the margins of a borrowed book rather than in a notebook of one’s own.',
      // Italics come enclosed in the import's emphasis markers (lib/segment/emphasis.ts), taken out before the cleanup.
      'A second paragraph follows — with \uFDD4emphasis\uFDD5, a [1] reference and «quotes».',
      '- First point',
      '- Second point',
      '## Conclusion',
      'The last paragraph closes the article.',
    ]);
    expect(text).not.toMatch(/Home|Subscribe|not text|color:red|EN \| RU/);
  });

  it('imports a web page as headings and sentences', () => {
    const prepared = prepareText({ bytes: new TextEncoder().encode(PAGE), filename: 'notes.html', language: 'en' });
    expect(prepared.format).toBe('html');
    const headings = prepared.rows.filter((row) => row.kind === 'HEADING').map((row) => [row.level, row.text]);
    expect(headings).toEqual([
      [1, 'Notes in the Margins'],
      [2, 'Conclusion'],
    ]);
    expect(prepared.rows.some((row) => row.text === 'The last paragraph closes the article.')).toBe(true);
  });

  it('writes numbered and nested lists and the paragraphs of quotations in Markdown', () => {
    const html = `<body><p>Before.</p>
      <blockquote><p>One &amp; two.</p><p>Three.</p><blockquote>Deeper.</blockquote></blockquote>
      <ol start="4"><li>Four</li><li value="9"><p>Nine</p><ul><li>inner</li></ul></li><li>Ten</li></ol>
      <ul><li>Loose</li></ul><p>After.</p></body>`;
    expect(htmlToText(html).split('\n\n')).toEqual(['Before.', '> One & two.', '> Three.', '> Deeper.', '4. Four', '9. Nine', '  - inner', '10. Ten', '- Loose', 'After.']);
  });
});
