import type { PageLayout } from './page-furniture';
import { parsePageNumber } from '../split/page-locator';
import { findContents } from '../split/parse-contents';
import { sameToken, titleTokens } from '../split/title-tokens';
import { editsAround, isCoveredByEdit } from '../text-edits';
import type { TextEdit } from '../types';

/** A title line with its page number after it (`REPLY TO GREETINGS 183`) or before it (`184 REPLY TO GREETINGS`). */
const NUMBER_AFTER = /^[ \t]*(\S.*?)[ \t]+(\d{1,4})[ \t]*$/u;
const NUMBER_BEFORE = /^[ \t]*(\d{1,4})[ \t]+(\S.*?)[ \t]*$/u;
/** Page furniture is short; a longer line is body text. */
const MAX_HEAD_LENGTH = 90;
/** A shortened head names its work by at least this many words (a whole title may be shorter: `NOTES 394`). */
const MIN_SHORTENED_TOKENS = 3;

/** A contents title and the printed pages it covers: from its own page up to the next entry of its level or above. */
interface TitleSpan {
  tokens: string[];
  first: number;
  /** The first page after it (infinite for the last entry). */
  end: number;
}

/**
 * Running heads printed on too few pages to recur as headers (a short work's title on its second
 * and third page), recognised by the table of contents instead: the first line after a page break
 * whose words, page number aside, are a contents title or a shortening of it (its words in order,
 * each allowing one OCR error: `REPLY TO GREETINGS` for "Reply to the Greetings of the Workers…"),
 * whose number is a page inside that title's pages and after its first (on its first page the line
 * is the work's own heading), and lies between the pages found around it. Each becomes the page's
 * anchor and goes with the page-break gap before it, so a sentence cut by it runs on again.
 * `edits` must be sorted; lines they cover and the contents itself are left alone.
 */
export function contentsRunningHeads(layout: PageLayout, edits: readonly TextEdit[], gapReplacement: string, removedLines: string[]): TextEdit[] {
  const contents = findContents(layout.lines);
  if (!contents) return [];
  const spans = titleSpans(contents.entries);
  if (spans.length === 0) return [];
  const labelled = edits.filter((edit) => edit.pageLabel !== undefined && /^\d+$/u.test(edit.pageLabel));
  const extra: TextEdit[] = [];
  for (const edge of layout.edges) {
    const top = layout.lines[edge.first];
    const gapLine = layout.lines[edge.gapStart];
    if (edge.gapStart === 0 || !top || !gapLine || top.text.trim().length > MAX_HEAD_LENGTH) continue;
    if (top.start >= contents.start && top.start < contents.end) continue;
    if (isCoveredByEdit(edits, gapLine.start) || isCoveredByEdit(edits, top.start)) continue;
    const head = readHead(top.text);
    if (!head || !spans.some((span) => isRunningHeadOf(head, span))) continue;
    const { before, after } = neighbours(labelled, top.start);
    if ((before !== undefined && head.page <= before) || (after !== undefined && head.page >= after)) continue;
    extra.push({ start: gapLine.start, end: top.next, replacement: gapReplacement, ruleId: 'running-headers', pageLabel: String(head.page) });
    removedLines.push(top.text.trim());
  }
  return extra;
}

function titleSpans(entries: readonly { title: string; page: string | null; level: number }[]): TitleSpan[] {
  const spans: TitleSpan[] = [];
  entries.forEach((entry, index) => {
    const page = parsePageNumber(entry.page ?? '');
    if (!page || page.system !== 'arabic') return;
    let end = Number.POSITIVE_INFINITY;
    for (const next of entries.slice(index + 1)) {
      const nextPage = parsePageNumber(next.page ?? '');
      if (next.level <= entry.level && nextPage?.system === 'arabic' && nextPage.value > page.value) {
        end = nextPage.value;
        break;
      }
    }
    const tokens = titleTokens(entry.title).filter((token) => /\p{L}/u.test(token));
    if (tokens.length > 0) spans.push({ tokens, first: page.value, end });
  });
  return spans;
}

function readHead(line: string): { tokens: string[]; page: number } | null {
  const after = NUMBER_AFTER.exec(line);
  const before = after ? null : NUMBER_BEFORE.exec(line);
  const title = after?.[1] ?? before?.[2];
  const page = Number(after?.[2] ?? before?.[1] ?? 'NaN');
  if (title === undefined || !Number.isFinite(page)) return null;
  const tokens = titleTokens(title);
  // Words only: a line with other numbers in it (a date, a count) is no head.
  if (tokens.length === 0 || tokens.some((token) => !/^\p{L}+$/u.test(token))) return null;
  return { tokens, page };
}

/** Whether the head's words are the title's words in order (all of them, or at least three), on one of the title's later pages. */
function isRunningHeadOf(head: { tokens: string[]; page: number }, span: TitleSpan): boolean {
  if (head.page <= span.first || head.page >= span.end) return false;
  if (head.tokens.length < MIN_SHORTENED_TOKENS && head.tokens.length < span.tokens.length) return false;
  let k = 0;
  for (const token of span.tokens) {
    const wanted = head.tokens[k];
    if (wanted !== undefined && sameToken(wanted, token)) k += 1;
  }
  return k === head.tokens.length;
}

/** The arabic page labels found before and after `offset`, from sorted labelled edits. */
function neighbours(labelled: readonly TextEdit[], offset: number): { before: number | undefined; after: number | undefined } {
  const around = editsAround(labelled, offset);
  const before = around.before?.pageLabel;
  const after = around.after?.pageLabel;
  return { before: before === undefined ? undefined : Number(before), after: after === undefined ? undefined : Number(after) };
}
