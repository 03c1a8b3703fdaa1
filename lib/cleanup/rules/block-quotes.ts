import { blockExamples, hasMarkdownSyntax, indentationOf, isHeadingParagraph, listMarkerOf, splitParagraphs, type TextParagraph } from './structure-text';
import type { TextLine } from '../text-lines';
import type { BlockMark, CleanupFormat, CleanupInput, RuleProposal } from '../types';

/** A quotation is indented at least this many columns more than the body text… */
const MIN_EXTRA_INDENT = 2;
/** …and at most this many: deeper lines are centred or set to the right (titles, signatures). */
const MAX_EXTRA_INDENT = 16;
/**
 * An introduction ends with a colon (a note reference may follow it). The blanks after the
 * reference belong to it, so that a run of blanks splits only one way (`[ \t]*` on both sides of
 * an optional reference was quadratic on a line ending in a long run of blanks).
 */
const INTRODUCTION = /:[ \t]*(?:(?:\[\^?[^\]\s]{1,8}\]|\d{1,3}|\*{1,3})[ \t]*)?$/u;
/** Marks that open a quotation: texts mix their forms, and wrong character sets turn some around. */
const OPENING_MARK = /^[ \t]*[“”"„«‹‘‚]/u;
/**
 * A quotation's end: a closing mark, then perhaps a note reference, a bracketed citation
 * ("(Vol. XXIII, p. 337)") and a full stop.
 */
const CLOSING_MARK = /[”“"»›’‘](?:[ \t]*(?:\[\^?[^\]\s]{1,8}\]|\d{1,3}|\*{1,3}))?(?:[ \t]*\([^()]{1,160}\))?[.;,]?[ \t]*$/u;

interface LineEntry {
  line: TextLine;
  paragraph: number;
  /** Index of the line in its paragraph. */
  index: number;
  indent: number;
}

/**
 * Finds block quotations, the paragraphs a text sets apart as quoted:
 * - in plain text, lines indented further than the body text (at least two columns more), with
 *   body text before and after them; an indented first line of a paragraph that runs on
 *   unindented is a paragraph indent, not a quotation;
 * - in any text, paragraphs that open with a quotation mark after a paragraph ending with a colon
 *   ("…he says:"), up to the last of them that closes with a quotation mark (a note reference
 *   and a bracketed citation may follow).
 * List items, headings and Markdown's own `>` quotations are left alone. Proposes no edits:
 * the indentation is kept apart from the text, quotation marks stay.
 */
export function detectBlockQuotes({ text, format, isLinePerParagraph = false }: CleanupInput): RuleProposal {
  const paragraphs = splitParagraphs(text, isLinePerParagraph);
  const marks = new Map<number, BlockMark>();
  const firsts: BlockMark[] = [];
  const add = (quotation: BlockMark[]) => {
    const fresh = quotation.filter((mark) => mark.style === 'PROSE' || !marks.has(mark.start));
    if (!fresh.some((mark) => mark.style === 'QUOTE')) return;
    for (const mark of fresh) if (!marks.has(mark.start)) marks.set(mark.start, mark);
    const first = fresh.find((mark) => mark.style === 'QUOTE');
    if (first) firsts.push(first);
  };
  if (format === 'txt') for (const quotation of indentedQuotations(paragraphs, format)) add(quotation);
  for (const quotation of introducedQuotations(paragraphs, format)) add(quotation);

  const blocks = [...marks.values()].sort((a, b) => a.start - b.start);
  const count = blocks.filter((mark) => mark.style === 'QUOTE').length;
  return {
    ruleId: 'block-quotes',
    edits: [],
    count,
    examples: blockExamples(text, firsts.slice(0, 5), () => 'quotation'),
    summaryValues: { count, quotations: firsts.length },
    summary: count === 0 ? 'no block quotations' : `${count} ${count === 1 ? 'paragraph' : 'paragraphs'} in ${firsts.length} block ${firsts.length === 1 ? 'quotation' : 'quotations'}`,
    data: { blocks },
  };
}

/** A mark for a paragraph whose line starts at `line`, its leading white space not being text. */
function markAt(line: TextLine, style: BlockMark['style']): BlockMark {
  return { start: line.start, end: line.start + (line.text.length - line.text.trimStart().length), style };
}

/** Runs of lines indented further than the body, each as the marks of one quotation. */
function indentedQuotations(paragraphs: readonly TextParagraph[], format: CleanupFormat): BlockMark[][] {
  const lines: LineEntry[] = paragraphs.flatMap((paragraph, number) => paragraph.lines.map((line, index) => ({ line, paragraph: number, index, indent: indentationOf(line.text) })));
  const body = bodyIndentation(lines);
  const isQuoted = (entry: LineEntry) => entry.indent >= body + MIN_EXTRA_INDENT && entry.indent <= body + MAX_EXTRA_INDENT && !listMarkerOf(entry.line.text);
  const quotations: BlockMark[][] = [];
  for (let k = 0; k < lines.length; k++) {
    if (!isQuoted(lines[k] as LineEntry)) continue;
    const from = k;
    while (k + 1 < lines.length && isQuoted(lines[k + 1] as LineEntry)) k++;
    const run = lines.slice(from, k + 1);
    const first = run[0] as LineEntry;
    const last = run.at(-1) as LineEntry;
    const before = lines[from - 1];
    const after = lines[k + 1];
    if (!before || !after || before.indent > body || after.indent > body) continue;
    const isParagraphIndent = run.length === 1 && first.index === 0 && after.paragraph === first.paragraph;
    const isOnlyHeadings = run.every((entry) => isHeadingParagraph(paragraphs[entry.paragraph] as TextParagraph, format));
    if (isParagraphIndent || isOnlyHeadings) continue;
    const quotation = run.filter((entry) => entry === first || entry.index === 0).map((entry) => markAt(entry.line, 'QUOTE'));
    // Body text right under the quotation, in the same block: it starts a paragraph of its own.
    if (after.paragraph === last.paragraph) quotation.push(markAt(after.line, 'PROSE'));
    quotations.push(quotation);
  }
  return quotations;
}

/** The indentation that carries most of the text's characters. */
function bodyIndentation(lines: readonly LineEntry[]): number {
  const weight = new Map<number, number>();
  for (const entry of lines) weight.set(entry.indent, (weight.get(entry.indent) ?? 0) + entry.line.text.length);
  let body = 0;
  let best = -1;
  for (const [indent, characters] of weight) {
    if (characters > best || (characters === best && indent < body)) [body, best] = [indent, characters];
  }
  return body;
}

/** Paragraphs that open with a quotation mark after an introduction ending with a colon. */
function introducedQuotations(paragraphs: readonly TextParagraph[], format: CleanupFormat): BlockMark[][] {
  const quotations: BlockMark[][] = [];
  const opens = (paragraph: TextParagraph) => {
    const first = paragraph.lines[0]?.text ?? '';
    return OPENING_MARK.test(first) && !listMarkerOf(first) && !hasMarkdownSyntax(first, format) && !isHeadingParagraph(paragraph, format);
  };
  for (let k = 1; k < paragraphs.length; k++) {
    const introduction = paragraphs[k - 1]?.lines.at(-1)?.text ?? '';
    if (!INTRODUCTION.test(introduction)) continue;
    let closed = -1;
    for (let j = k; j < paragraphs.length && opens(paragraphs[j] as TextParagraph); j++) {
      if (CLOSING_MARK.test(paragraphs[j]?.lines.at(-1)?.text ?? '')) closed = j;
    }
    if (closed < 0) continue;
    quotations.push(paragraphs.slice(k, closed + 1).flatMap((paragraph) => (paragraph.lines[0] ? [markAt(paragraph.lines[0], 'QUOTE')] : [])));
    k = closed;
  }
  return quotations;
}
