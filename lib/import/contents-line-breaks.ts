import { splitLines } from '../cleanup/text-lines';

/** A replacement of a stretch's text before segmentation (offsets into the stretch). */
export interface ContentsLineEdit {
  start: number;
  end: number;
  text: string;
}

/** A page number alone on its line: arabic or roman. */
const BARE_PAGE = /^[ \t]*(?:\d{1,4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7})[ \t]*$/u;
/** A line (trimmed) that ends an entry: its page number after dot leaders, blanks or one space; bounded lookbehind, so linear. */
const ENTRY_END = /(?<=[ \t.·…_])(?:\d{1,4}|[IVXLCDM]{1,7}|[ivxlcdm]{1,7})$/u;
/** Blank lines a page number may stand below its title (`Preface` / `` / `v`). */
const MAX_BLANKS_BEFORE_PAGE = 1;

/**
 * The line breaks of a table of contents (`[start, end)` of `text`) as entries: a page number
 * alone on its line, left there when the entry's title wrapped over lines (`Newspaper in Town` /
 * `3`) or printed below the title, joins the line above it, and the line break after an entry's
 * page number ends a paragraph, so that each entry is a paragraph of its own and no page number is
 * left a paragraph or sentence alone. The lines of a wrapped title stay one paragraph. Linear in
 * the range.
 */
export function contentsLineBreaks(text: string, start: number, end: number): ContentsLineEdit[] {
  const lines = splitLines(text.slice(start, end)).map((line) => ({ start: start + line.start, text: line.text }));
  const edits: ContentsLineEdit[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as (typeof lines)[number];
    const trimmed = line.text.trim();
    if (trimmed.length === 0) continue;
    const lineEnd = line.start + line.text.length;
    let page = k + 1;
    while (page < lines.length && page - k - 1 < MAX_BLANKS_BEFORE_PAGE && (lines[page]?.text.trim() ?? '') === '') page++;
    const pageLine = lines[page];
    if (pageLine && BARE_PAGE.test(pageLine.text) && !BARE_PAGE.test(line.text) && !ENTRY_END.test(trimmed)) {
      // The page joins its entry's last line; the break after the page is then the entry's end.
      edits.push({ start: lineEnd, end: pageLine.start + (pageLine.text.length - pageLine.text.trimStart().length), text: ' ' });
      k = page - 1;
      continue;
    }
    const next = lines[k + 1];
    if ((ENTRY_END.test(trimmed) || BARE_PAGE.test(line.text)) && next && next.text.trim().length > 0) edits.push({ start: lineEnd, end: next.start, text: '\n\n' });
  }
  return edits;
}
