import { splitParagraphs } from './structure-text';
import { examplesOf } from '../text-edits';
import type { CleanupInput, RuleProposal, TextEdit } from '../types';

const OPENING = '“';
const CLOSING = '”';
/** The low opening mark of German, Russian and other texts, which “ closes. */
const LOW_OPENING = '„';

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);
/** A space inside a line (a no-break space too), not a line break. */
const isInlineSpace = (ch: string | undefined) => ch !== undefined && ch !== '\n' && ch !== '\r' && isSpace(ch);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** What may stand right before an opening mark: nothing (the paragraph's start), a space, a bracket or a dash. */
const opensAfter = (ch: string | undefined) => ch === undefined || isSpace(ch) || '([{—–-/'.includes(ch);
/** What may begin a quotation: a word, an ellipsis, a single quote or a bracket. */
const beginsQuote = (ch: string | undefined) => isWordChar(ch) || (ch !== undefined && '…‘\'(['.includes(ch));
/** What may stand right before a closing mark: the end of a word or of a sentence. */
const closesAfter = (ch: string | undefined) => isWordChar(ch) || (ch !== undefined && '.,;:!?…)]’\''.includes(ch));
/** What may follow a closing mark: nothing, a space, punctuation or a closing bracket. */
const closesBefore = (ch: string | undefined) => ch === undefined || isSpace(ch) || '.,;:!?…)]—–-'.includes(ch);

/**
 * Turns double quotation marks written the wrong way round: a `”` that opens a quotation (at a
 * paragraph's start, or after a space with a word after it: `” But the Bund’s…`, `he wrote: ” The
 * proletariat…`) where no quotation is open becomes `“`; a `“` that closes one (after a word or
 * stop with nothing opening after it: `liberty “.`) where one is open, or that ends its paragraph
 * (nothing can open there), becomes `”`. A space inside the quotation next to the turned mark
 * goes with it (`“But`, `liberty”.`).
 *
 * Each paragraph is read once from its start with the open quotations on a stack, so a mark is
 * judged by the quotation it would close. What is right stays: nested quotations; a paragraph of
 * a long quotation that opens with `“` and leaves it open (the next paragraph opens again); a
 * paragraph that closes a quotation opened in the one before; a mark whose context says nothing.
 * A text that writes no `“` as an opening mark (`”…”` in Swedish, straight quotes) is left as it
 * is, and in a text that opens quotations with `„` a `“` closes them and is never turned. Linear.
 */
export function detectQuotationMarks({ text, isLinePerParagraph = false }: CleanupInput): RuleProposal {
  const usesLowOpening = text.includes(LOW_OPENING);
  if (!writesOpeningMarks(text)) return proposal(text, [], 0, 0);
  const edits: TextEdit[] = [];
  let opened = 0;
  let closed = 0;
  for (const paragraph of splitParagraphs(text, isLinePerParagraph)) {
    const start = paragraph.lines[0]?.start ?? 0;
    const end = paragraph.lines.at(-1)?.end ?? start;
    // Past the last word of the paragraph nothing can be opened.
    let lastWord = end;
    while (lastWord > start && !isWordChar(text[lastWord - 1])) lastWord -= 1;
    const stack: string[] = [];
    for (let i = start; i < end; i += 1) {
      const mark = text[i];
      if (mark !== OPENING && mark !== CLOSING && mark !== LOW_OPENING) continue;
      const before = i === start ? undefined : text[i - 1];
      const after = i + 1 < end ? text[i + 1] : undefined;
      if (mark === LOW_OPENING) {
        stack.push(mark);
      } else if (mark === OPENING) {
        const isAtEnd = i >= lastWord;
        const isClosing = isAtEnd || (closesAfter(before) && closesBefore(after)) || (isSpace(before) && after !== undefined && '.,;:!?)]'.includes(after));
        const top = stack.at(-1);
        if (!isClosing) stack.push(mark);
        else if (top === LOW_OPENING) stack.pop();
        else if (!usesLowOpening && (top === OPENING || isAtEnd)) {
          // The space set before it goes with it (`liberty “.` → `liberty”.`), unless it ends a line.
          const hasSpace = i - 1 > start && isInlineSpace(before) && (edits.at(-1)?.end ?? 0) < i - 1;
          edits.push({ start: hasSpace ? i - 1 : i, end: i + 1, replacement: CLOSING, ruleId: 'quotation-marks' });
          closed += 1;
          stack.pop();
        }
      } else if (stack.length > 0) {
        stack.pop();
      } else if (opensAfter(before) && (beginsQuote(after) || (isInlineSpace(after) && beginsQuote(i + 2 < end ? text[i + 2] : undefined)))) {
        // The space set after it goes with it (`” But` → `“But`).
        edits.push({ start: i, end: isInlineSpace(after) ? i + 2 : i + 1, replacement: OPENING, ruleId: 'quotation-marks' });
        opened += 1;
        stack.push(OPENING);
      }
    }
  }
  return proposal(text, edits, opened, closed);
}

/** Whether the text opens quotations with `“` at all: before a word, after a space or a paragraph's start. */
function writesOpeningMarks(text: string): boolean {
  for (let at = text.indexOf(OPENING); at >= 0; at = text.indexOf(OPENING, at + 1)) {
    if (opensAfter(at === 0 ? undefined : text[at - 1]) && isWordChar(text[at + 1])) return true;
  }
  return false;
}

function proposal(text: string, edits: TextEdit[], opened: number, closed: number): RuleProposal {
  return {
    ruleId: 'quotation-marks',
    edits,
    count: edits.length,
    examples: examplesOf(text, edits),
    summaryValues: { count: edits.length, opened, closed },
    summary: edits.length === 0 ? 'no quotation marks the wrong way round' : `${edits.length} quotation marks turned the right way round (${opened} opening, ${closed} closing)`,
  };
}
