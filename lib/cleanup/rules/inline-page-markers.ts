import { examplesOf, outputEndOffsets } from '../text-edits';
import type { CleanupInput, PageAnchor, RuleProposal, TextEdit } from '../types';

/** `[Page 521]`, `[p. 23]`, `[pg. xiv]`, `[Page 12a]`, possibly alone on a line. */
const MARKER = /\[[ \t]*(?:page|pg\.?|p\.)[ \t]*(\d{1,5}[a-z]?|[ivxlcdm]{1,7})[ \t]*\]/giu;

const SPACE = /[ \t]/u;
/** What `String.prototype.trim` removes. */
const WHITE_SPACE = /\s/u;
/** A word's end, and a word's start: a marker glued between the two stood for a space. */
const ENDS_WORD = /[\p{L}\p{N}.,;:!?»”’)]/u;
const STARTS_WORD = /[\p{L}\p{N}«“‘(]/u;

/**
 * Removes inline page markers such as `[Page 521]` (also mid-sentence) and records a page anchor
 * where the marker stood. One neighbouring space goes with the marker so the sentence reads on,
 * but never the only space between two words (`Brook. [Page 13]Four` keeps `Brook. Four`), and a
 * marker glued between two words leaves a space; a marker alone on its line takes its line with it.
 */
export function detectInlinePageMarkers({ text }: CleanupInput): RuleProposal {
  const edits: TextEdit[] = [];
  // Where the previous edit ends, and the character the cleaned text has just before that point:
  // a marker right after another (`[Page 12] [Page 13]`) must not take back the space the first
  // one took (overlapping edits made the whole cleanup throw), and sees the word before both.
  let floor = 0;
  let beforeFloor: string | undefined;
  const matches = [...text.matchAll(MARKER)];
  for (const [index, match] of matches.entries()) {
    let start = match.index;
    let end = start + match[0].length;
    // Of two markers one space apart, the first takes the space before it and the second the one
    // between them: `Brook [Page 12] [Page 13]. Four` reads `Brook. Four`.
    const isFollowedByMarker = SPACE.test(text[end] ?? '') && matches[index + 1]?.index === end + 1 && start - 1 >= floor && SPACE.test(text[start - 1] ?? '');
    // Only the blanks next to the marker are read: slicing its whole line for every marker was
    // quadratic on a long line of many markers.
    const lineStart = blankLineEdge(text, start, -1);
    const lineEnd = blankLineEdge(text, end, 1);
    if (lineStart !== null && lineEnd !== null) {
      start = lineStart;
      end = Math.min(text.length, lineEnd + 1);
    } else if (SPACE.test(text[end] ?? '') && !isFollowedByMarker) end++;
    else if (start - 1 >= floor && SPACE.test(text[start - 1] ?? '')) start--;
    // The marker and its space are gone; where they separated two words (`Brook. [Page 13]Four`,
    // `Brook.[Page 13]Four`) one space stays between them, so the anchor lands on the word.
    const before = edits.length > 0 && start === floor ? beforeFloor : text[start - 1];
    const replacement = ENDS_WORD.test(before ?? '') && STARTS_WORD.test(text[end] ?? '') ? ' ' : '';
    edits.push({ start, end, replacement, ruleId: 'inline-page-markers', pageLabel: match[1] ?? '' });
    floor = end;
    beforeFloor = replacement === '' ? before : replacement;
  }
  const ends = outputEndOffsets(edits);
  const pages: PageAnchor[] = edits.map((edit, k) => ({ label: edit.pageLabel ?? '', offset: ends[k] ?? 0 }));
  return {
    ruleId: 'inline-page-markers',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { count: edits.length },
    summary: edits.length === 0 ? 'no inline page markers' : `${edits.length} inline page markers removed`,
    data: { pages },
  };
}

/**
 * Where the line holding `offset` begins (`direction` -1) or ends (1) when nothing but white space
 * stands between `offset` and that edge; null when something does.
 */
function blankLineEdge(text: string, offset: number, direction: -1 | 1): number | null {
  let at = direction < 0 ? offset - 1 : offset;
  while (at >= 0 && at < text.length && text[at] !== '\n') {
    if (!WHITE_SPACE.test(text[at] ?? '')) return null;
    at += direction;
  }
  return direction < 0 ? at + 1 : at;
}
