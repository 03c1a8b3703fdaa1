/**
 * The style of downloaded books and pages: an EPUB's stylesheet and a single HTML page's one
 * `<style>` (allowed by its own CSP hash). Classes only, no style attributes; margins that suit
 * e-readers, which override fonts and sizes as their readers choose.
 */
export const BOOK_CSS = `body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; overflow-wrap: break-word; word-wrap: break-word; }
.page-frame { max-width: 48em; margin: 0 auto; padding: 1em; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; page-break-after: avoid; break-after: avoid; }
header.title-page { margin-bottom: 2em; }
header.title-page p { margin: 0.3em 0; }
p { margin: 0.6em 0; }
blockquote { margin: 0.8em 0 0.8em 1.5em; }
blockquote p { margin: 0; }
p.item { margin-left: 1.8em; text-indent: -1.8em; }
p.item.depth-1 { margin-left: 3.3em; } p.item.depth-2 { margin-left: 4.8em; } p.item.depth-3 { margin-left: 6.3em; }
p.item.depth-4 { margin-left: 7.8em; } p.item.depth-5 { margin-left: 9.3em; } p.item.depth-6 { margin-left: 10.8em; }
p.item.depth-7 { margin-left: 12.3em; } p.item.depth-8 { margin-left: 13.8em; }
.marker { display: inline-block; min-width: 1.4em; text-indent: 0; }
.speaker { font-variant: small-caps; font-weight: bold; }
.untranslated { color: #5c5c5c; }
aside.note { font-size: 0.9em; margin: 0.8em 0; padding-left: 0.8em; border-left: 2px solid #c8c4bc; }
aside.note p { margin: 0.3em 0; }
.note-label { font-weight: bold; }
sup { line-height: 0; }
a.noteref { text-decoration: none; }
span.page { font-family: sans-serif; font-size: 0.7em; color: #8a6d3b; }
span.page::before { content: "[" attr(title) "]"; padding: 0 0.2em; }
table.pair { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.4em 0; }
table.pair td { width: 50%; vertical-align: top; padding: 0 0.6em; }
table.pair td:first-child { padding-left: 0; border-right: 1px solid #e2dfd8; }
p.pass-label { font-family: sans-serif; font-size: 0.85em; letter-spacing: 0.05em; text-transform: uppercase; color: #5c5c5c; margin-top: 2em; border-top: 1px solid #e2dfd8; padding-top: 0.6em; }
nav ol { list-style: none; padding-left: 1.2em; }
nav > ol { padding-left: 0; }
footer.colophon { margin-top: 3em; font-size: 0.85em; color: #5c5c5c; border-top: 1px solid #e2dfd8; padding-top: 0.6em; }
[dir="rtl"] { text-align: right; }
`;
